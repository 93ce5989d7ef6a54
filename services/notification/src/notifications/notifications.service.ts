import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toView, type NotificationView } from './dto/notification.view';
import { Notification, type RecipientKind } from './notification.entity';

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every message of a case, for a person whose reach covers the case's town (or, for a case without a
   * located message, for anyone: there is then nothing to show).
   */
  async listForCase(
    viewer: AuthUser,
    caseId: string,
    recipientKind?: RecipientKind,
  ): Promise<NotificationView[]> {
    const notifications = await this.dataSource.getRepository(Notification).find({
      where: recipientKind ? { caseId, recipientKind } : { caseId },
      order: { createdAt: 'ASC' },
    });
    const located = notifications.find((notification) => notification.county);
    if (located?.county)
      assertReachesPlace(viewer, { county: located.county, town: located.town ?? undefined });
    return notifications.map(toView);
  }
}
