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
   * Every message of a case, for a person whose reach covers every town its messages were about. Messages
   * without a place (recorded before places were kept) are shown only beside located ones that pass.
   */
  async listForCase(
    viewer: AuthUser,
    caseId: string,
    recipientKind?: RecipientKind,
  ): Promise<NotificationView[]> {
    const notifications = await this.dataSource.getRepository(Notification).find({
      where: { caseId },
      order: { createdAt: 'ASC' },
    });
    const located = notifications.filter((notification) => notification.county);
    if (located.length === 0) return [];
    for (const { county, town } of located)
      assertReachesPlace(viewer, { county: county ?? '', town: town ?? undefined });
    return notifications
      .filter((notification) => !recipientKind || notification.recipientKind === recipientKind)
      .map(toView);
  }
}
