import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { toView, type NotificationView } from './dto/notification.view';
import { Notification, type RecipientKind } from './notification.entity';
import { inboxUnitsOf } from './unit-inbox';

export interface UnitInboxPage {
  total: number;
  page: number;
  pageSize: number;
  /** The units whose messages these are. */
  units: string[];
  items: NotificationView[];
}

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

  /** Messages to the person's own units (new tasks, warnings, 督办), newest first, within their county. */
  async unitInbox(viewer: AuthUser, page: number, pageSize: number): Promise<UnitInboxPage> {
    const units = inboxUnitsOf(viewer);
    if (units.length === 0) return { total: 0, page, pageSize, units, items: [] };
    const [notifications, total] = await this.dataSource.getRepository(Notification).findAndCount({
      where: { recipientKind: 'staff-unit', recipient: In(units), county: viewer.county },
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { total, page, pageSize, units, items: notifications.map(toView) };
  }
}
