import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cappedCount, countUpToSql } from '@oneseal/database';
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
  /** More messages than `total` (MESSAGES_COUNTED_AT_MOST): counting stopped there. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** The units whose messages these are. */
  units: string[];
  /** The person's unread messages of those units, whatever the filter (at most UNREAD_COUNTED_AT_MOST). */
  unread: number;
  /** More are unread than `unread`: counting stopped there. */
  unreadCapped: boolean;
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

/** Messages to `recipients` (SQL after `n.recipient`) of the person's county ($2). */
const toUnits = (recipients: string) =>
  `n.recipient_kind = 'staff-unit' AND n.recipient ${recipients} AND n.county = $2`;

/** The person's units' messages ($1 the units, $2 their county). */
const MINE = toUnits('= ANY($1)');

/** The latest mark of $3 (the reader) covering message n in its unit: of every kind, or of n's own. */
const markOf = (kind: 'every' | 'own') =>
  `coalesce((SELECT m.read_through FROM notification.inbox_read_through m
              WHERE m.reader_id = $3 AND m.recipient = n.recipient
                AND ${kind === 'every' ? 'm.template IS NULL' : 'm.template = n.template'}),
            '-infinity')`;

/**
 * The earliest of $3's marks of every kind over their units $1 ('-infinity' while one of them has none): the same for
 * every message, so a unit's index is read from it on and what came before is not read at all.
 */
const EARLIEST_MARK = `(SELECT CASE WHEN count(*) = cardinality($1::text[]) THEN min(m.read_through)
                               ELSE '-infinity' END
                          FROM notification.inbox_read_through m
                         WHERE m.reader_id = $3 AND m.recipient = ANY($1) AND m.template IS NULL)`;

/** Message n is unread by $3: after both marks of its unit and not read one by one. */
const UNREAD_BY_READER = `(n.created_at > ${EARLIEST_MARK} AND n.created_at > ${markOf('every')}
  AND n.created_at > ${markOf('own')}
  AND NOT EXISTS (SELECT 1 FROM notification.inbox_reads r WHERE r.notification_id = n.id AND r.reader_id = $3))`;

/** How long after its creation a message may still be committed: far more than a message's statement takes. */
const LATE_COMMIT_MARGIN = `interval '60 seconds'`;

/**
 * How many messages an inbox counts at most. A town's window had 18,700 after a year of cases and counting each at
 * every look grows with the years kept; past ten thousand the answer says "more than" and the person narrows the list
 * by kind or to the unread.
 */
export const MESSAGES_COUNTED_AT_MOST = 10_000;

/**
 * How many unread messages are counted at most: a desk nobody marks read gathers tens of thousands (58,000 over three
 * desks took 80 ms to count at every look); past a thousand the screen says "1,000 条以上".
 */
export const UNREAD_COUNTED_AT_MOST = 1000;

/**
 * The page's messages (id, and whether $3 has read them), newest first: each unit's newest read from its own index
 * only as far as the page reaches, instead of every message of the units being sorted (a year of a window's: 5 ms).
 * The statement's values: the `valueCount` of the filters, then each unit, how far the page reaches, its size and
 * offset.
 */
function newestOfEachUnit(unitCount: number, filters: readonly string[], valueCount: number): string {
  const reach = valueCount + unitCount + 1;
  const eachUnit = Array.from(
    { length: unitCount },
    (_, index) =>
      `(SELECT n.id, n.created_at, n.recipient, n.template FROM notification.notifications n
         WHERE ${[toUnits(`= $${valueCount + index + 1}`), ...filters].join(' AND ')}
         ORDER BY n.created_at DESC, n.id LIMIT $${reach})`,
  ).join(' UNION ALL ');
  // Read or not is worked out for the page's messages only, not for every one the units' parts reached.
  return `SELECT n.id, NOT ${UNREAD_BY_READER} AS read FROM (
            SELECT * FROM (${eachUnit}) AS reached
             ORDER BY created_at DESC, id LIMIT $${reach + 1} OFFSET $${reach + 2}) AS n
           ORDER BY n.created_at DESC, n.id`;
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
      // One event's messages share their time (one statement): their ids, in time order, keep the order planned.
      order: { createdAt: 'ASC', id: 'ASC' },
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
    if (units.length === 0)
      return {
        total: 0,
        totalCapped: false,
        page,
        pageSize,
        units,
        unread: 0,
        unreadCapped: false,
        asOf: new Date().toISOString(),
        items: [],
      };
    const values: unknown[] = [units, viewer.county, viewer.id];
    const filters: string[] = [];
    if (filter.kind) {
      values.push(filter.kind);
      filters.push(`n.template = $${values.length}`);
    }
    if (filter.unread) filters.push(UNREAD_BY_READER);
    // asOf by the database's clock, as the messages' own: what is created after it stays unread.
    const [{ found, unreadFound, asOf }] = (await this.dataSource.query(
      `SELECT ${countUpToSql(
        `SELECT 1 FROM notification.notifications n WHERE ${[MINE, ...filters].join(' AND ')}`,
        MESSAGES_COUNTED_AT_MOST,
      )} AS found,
              ${countUpToSql(
                `SELECT 1 FROM notification.notifications n WHERE ${MINE} AND ${UNREAD_BY_READER}`,
                UNREAD_COUNTED_AT_MOST,
              )} AS "unreadFound",
              statement_timestamp() AS "asOf"`,
      values,
    )) as { found: number; unreadFound: number; asOf: Date }[];
    const rows = (await this.dataSource.query(newestOfEachUnit(units.length, filters, values.length), [
      ...values,
      ...units,
      page * pageSize,
      pageSize,
      (page - 1) * pageSize,
    ])) as { id: string; read: boolean }[];
    const notifications = rows.length
      ? await this.dataSource.getRepository(Notification).findBy({ id: In(rows.map((row) => row.id)) })
      : [];
    const byId = new Map(notifications.map((notification) => [notification.id, notification]));
    const items = rows.flatMap((row) => {
      const notification = byId.get(row.id);
      return notification ? [{ ...toView(notification), read: row.read }] : [];
    });
    const listed = cappedCount(found, MESSAGES_COUNTED_AT_MOST);
    const unread = cappedCount(unreadFound, UNREAD_COUNTED_AT_MOST);
    return {
      total: listed.total,
      totalCapped: listed.capped,
      page,
      pageSize,
      units,
      unread: unread.total,
      unreadCapped: unread.capped,
      asOf: asOf.toISOString(),
      items,
    };
  }

  /** Marks unread messages of the person's own units read, for them; others' messages are left alone. */
  async markRead(viewer: AuthUser, ids: string[]): Promise<{ marked: number }> {
    const units = inboxUnitsOf(viewer);
    if (units.length === 0) return { marked: 0 };
    const [{ marked }] = (await this.dataSource.query(
      `WITH marked AS (
         INSERT INTO notification.inbox_reads (notification_id, reader_id)
         SELECT n.id, $3 FROM notification.notifications n
          WHERE ${MINE} AND n.id = ANY($4::uuid[]) AND ${UNREAD_BY_READER}
         ON CONFLICT DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS marked FROM marked`,
      [units, viewer.county, viewer.id, ids],
    )) as { marked: number }[];
    return { marked };
  }

  /**
   * Marks every message of the person's units (of one kind, if given) created by `before` read, for them, and says
   * how many were unread. The person's mark of each unit (and kind) moves to a minute before `before`; what was
   * created in that last minute is marked one by one, so a message created before `before` but committed only after
   * the person pressed the button stays unread. The one-by-one marks the new marks cover are let go.
   */
  async markAllRead(viewer: AuthUser, before: string, kind?: InboxTemplateName): Promise<{ marked: number }> {
    const units = inboxUnitsOf(viewer);
    if (units.length === 0) return { marked: 0 };
    const ofKind = kind ? `AND n.template = $5` : '';
    // The database's clock, as the messages' own: a time ahead of it would mark messages not yet written.
    const upTo = `least($4::timestamptz, statement_timestamp())`;
    const [{ marked }] = (await this.dataSource.query(
      `WITH newly_read AS (
         SELECT n.id, n.created_at FROM notification.notifications n
          WHERE ${MINE} AND n.created_at <= ${upTo} ${ofKind} AND ${UNREAD_BY_READER}),
       last_minute AS (
         INSERT INTO notification.inbox_reads (notification_id, reader_id)
         SELECT id, $3 FROM newly_read WHERE created_at > ${upTo} - ${LATE_COMMIT_MARGIN}
         ON CONFLICT DO NOTHING),
       covered AS (
         DELETE FROM notification.inbox_reads r USING notification.notifications n
          WHERE r.reader_id = $3 AND r.notification_id = n.id AND ${MINE}
            AND n.created_at <= ${upTo} - ${LATE_COMMIT_MARGIN} ${ofKind}),
       marks AS (
         INSERT INTO notification.inbox_read_through (reader_id, recipient, template, read_through)
         SELECT $3, unit, ${kind ? '$5' : 'NULL'}, ${upTo} - ${LATE_COMMIT_MARGIN} FROM unnest($1::text[]) AS unit
         ON CONFLICT (reader_id, recipient, template)
           DO UPDATE SET read_through = greatest(inbox_read_through.read_through, excluded.read_through))
       SELECT count(*)::int AS marked FROM newly_read`,
      [units, viewer.county, viewer.id, before, ...(kind ? [kind] : [])],
    )) as { marked: number }[];
    return { marked };
  }
}
