import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { toView, type NotificationView } from './dto/notification.view';
import { Notification, type RecipientKind } from './notification.entity';
import type { InboxTemplateName } from './templates';
import { inboxUnitsOf } from './unit-inbox';

export interface InboxMessage extends NotificationView {
  /** Whether the person reading has marked it read (or opened what it asks for). */
  read: boolean;
}

export interface UnitInboxPage {
  total: number;
  page: number;
  pageSize: number;
  /** The units whose messages these are. */
  units: string[];
  /** The person's unread messages of those units, whatever the filter. */
  unread: number;
  /** When the list was read: 全部标为已读 marks what had arrived by then, nothing that came after. */
  asOf: string;
  items: InboxMessage[];
}

export interface InboxFilter {
  page: number;
  pageSize: number;
  kind?: InboxTemplateName;
  unread?: boolean;
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

  /**
   * Messages to the person's own units (new tasks, warnings, 督办, 差评), newest first, within their county, each
   * marked read or unread for this person; of one kind, or unread only, when asked.
   */
  async unitInbox(viewer: AuthUser, filter: InboxFilter): Promise<UnitInboxPage> {
    const { page, pageSize } = filter;
    const units = inboxUnitsOf(viewer);
    const asOf = new Date().toISOString();
    if (units.length === 0) return { total: 0, page, pageSize, units, unread: 0, asOf, items: [] };
    const mine = `n.recipient_kind = 'staff-unit' AND n.recipient = ANY($1) AND n.county = $2`;
    const unreadBy = `NOT EXISTS (SELECT 1 FROM notification.inbox_reads r WHERE r.notification_id = n.id AND r.reader_id = $3)`;
    const conditions = [mine];
    const values: unknown[] = [units, viewer.county, viewer.id];
    if (filter.kind) {
      values.push(filter.kind);
      conditions.push(`n.template = $${values.length}`);
    }
    if (filter.unread) conditions.push(unreadBy);
    const where = conditions.join(' AND ');
    const [{ total, unread }] = (await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM notification.notifications n WHERE ${where}) AS total,
              (SELECT count(*)::int FROM notification.notifications n WHERE ${mine} AND ${unreadBy}) AS unread`,
      values,
    )) as { total: number; unread: number }[];
    const rows = (await this.dataSource.query(
      `SELECT n.id, NOT ${unreadBy} AS read FROM notification.notifications n
        WHERE ${where} ORDER BY n.created_at DESC, n.id
        LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, pageSize, (page - 1) * pageSize],
    )) as { id: string; read: boolean }[];
    const notifications = rows.length
      ? await this.dataSource.getRepository(Notification).findBy({ id: In(rows.map((row) => row.id)) })
      : [];
    const byId = new Map(notifications.map((notification) => [notification.id, notification]));
    const items = rows.flatMap((row) => {
      const notification = byId.get(row.id);
      return notification ? [{ ...toView(notification), read: row.read }] : [];
    });
    return { total, page, pageSize, units, unread, asOf, items };
  }

  /** Marks messages of the person's own units read, for them; others' messages are left alone. */
  async markRead(viewer: AuthUser, ids: string[]): Promise<{ marked: number }> {
    return this.mark(viewer, `n.id = ANY($4::uuid[])`, [ids]);
  }

  /** Marks every unread message of the person's units (of one kind, if given) read, for them. */
  async markAllRead(viewer: AuthUser, before: string, kind?: InboxTemplateName): Promise<{ marked: number }> {
    return kind
      ? this.mark(viewer, `n.created_at <= $4 AND n.template = $5`, [before, kind])
      : this.mark(viewer, `n.created_at <= $4`, [before]);
  }

  private async mark(viewer: AuthUser, which: string, values: unknown[]): Promise<{ marked: number }> {
    const units = inboxUnitsOf(viewer);
    if (units.length === 0) return { marked: 0 };
    // Counted where they are written: 全部标为已读 in a county's 电子监察 inbox may mark years of messages.
    const [{ marked }] = (await this.dataSource.query(
      `WITH marked AS (
         INSERT INTO notification.inbox_reads (notification_id, reader_id)
         SELECT n.id, $3 FROM notification.notifications n
          WHERE n.recipient_kind = 'staff-unit' AND n.recipient = ANY($1) AND n.county = $2 AND ${which}
         ON CONFLICT DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS marked FROM marked`,
      [units, viewer.county, viewer.id, ...values],
    )) as { marked: number }[];
    return { marked };
  }
}
