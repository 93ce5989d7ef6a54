import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toView, type NotificationView } from './dto/notification.view';
import { Notification, type RecipientKind } from './notification.entity';

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listForCase(caseId: string, recipientKind?: RecipientKind): Promise<NotificationView[]> {
    const notifications = await this.dataSource.getRepository(Notification).find({
      where: recipientKind ? { caseId, recipientKind } : { caseId },
      order: { createdAt: 'ASC' },
    });
    return notifications.map(toView);
  }
}
