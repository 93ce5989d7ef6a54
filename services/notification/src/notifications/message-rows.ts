import { notificationSentV1, type EventEnvelope, type NotificationSentV1 } from '@oneseal/contracts';
import {
  enqueueForRows,
  isoTimestampOf,
  processedEventRecord,
  timeOrderedUuid,
  type EventForRow,
} from '@oneseal/database';
import type { DataSource, EntityManager } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import type { Channel, RecipientKind } from './notification.entity';
import type { PlannedMessage } from './notification-rules';
import { sentAnnouncement } from './sent-announcement';
import type { RenderedMessage } from './templates';

/**
 * A unit's inbox is this service's own table: a staff message is delivered the moment it is recorded, so it is
 * recorded as sent and announced in the same statement, without a round of the delivery poller.
 */
const DELIVERED_ON_RECORDING: Channel = 'inbox';
const INBOX_PROVIDER = 'unit-inbox';

/**
 * One message row to record. Its subject is a case, or what stands for one (an appointment, a home visit); it is
 * recorded once per source event and recipient, so a second message of one event needs an event of its own.
 */
export interface MessageRow {
  subjectId: string;
  recipientKind: RecipientKind;
  /** A mobile number, or the unit code of a staff inbox. */
  recipient: string;
  channel: Channel;
  message: RenderedMessage;
  sourceEventId: string;
  /** When an SMS goes: now unless given (a reminder). A message to an inbox is there when recorded. */
  sendAt?: Date;
}

/** The columns a message fills from its row, each with the type its parameter is read as. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['id', 'uuid'],
  ['case_id', 'uuid'],
  ['recipient_kind', 'text'],
  ['recipient', 'text'],
  ['channel', 'text'],
  ['template', 'text'],
  ['template_params', 'jsonb'],
  ['body', 'text'],
  ['source_event_id', 'uuid'],
  ['county', 'text'],
  ['town', 'text'],
  ['correlation_id', 'uuid'],
  ['send_at', 'timestamptz'],
];

const delivered = `m.channel = '${DELIVERED_ON_RECORDING}'`;

/**
 * The WITH parts that record `rows` and announce each one delivered on recording: `messages` (one INSERT; the unique
 * (event, recipient) constraint is the last word, so a concurrent consumer that got past the processed-events record
 * with the same event inserts nothing and announces nothing) and, when an inbox message is among them, `announced`.
 * `when` keeps the insert to a condition over the statement's other parts.
 */
function messageParts(
  event: EventEnvelope<object>,
  rows: readonly MessageRow[],
  params: unknown[],
  when = 'true',
): string {
  const ids = rows.map(() => timeOrderedUuid());
  const tuples = rows.map((row, index) => {
    const values = [
      ids[index],
      row.subjectId,
      row.recipientKind,
      row.recipient,
      row.channel,
      row.message.template,
      JSON.stringify(row.message.params),
      row.message.body,
      row.sourceEventId,
      event.county,
      event.town ?? null,
      event.correlationId,
      row.sendAt ?? null,
    ];
    return `(${values.map((value, i) => `$${params.push(value)}::${COLUMNS[i][1]}`).join(', ')})`;
  });
  const names = COLUMNS.map(([name]) => name);
  const stored = names.filter((name) => name !== 'send_at');
  const messages = `messages AS (
    INSERT INTO notification.notifications
           (${stored.join(', ')}, status, attempts, next_attempt_at, sent_at, provider, created_at)
    SELECT ${stored.map((name) => `m.${name}`).join(', ')},
           CASE WHEN ${delivered} THEN 'sent' ELSE 'pending' END,
           CASE WHEN ${delivered} THEN 1 ELSE 0 END,
           CASE WHEN ${delivered} THEN NULL ELSE coalesce(m.send_at, now()) END,
           CASE WHEN ${delivered} THEN t.at END,
           CASE WHEN ${delivered} THEN '${INBOX_PROVIDER}' END,
           t.at
      FROM (VALUES ${tuples.join(', ')}) AS m (${names.join(', ')})
     -- One time for the statement's messages: each is sent the moment it is recorded.
     CROSS JOIN (SELECT clock_timestamp() AS at) AS t
     WHERE ${when}
    ON CONFLICT ON CONSTRAINT notifications_once_per_event_and_recipient DO NOTHING
    RETURNING id, sent_at)`;
  const announcements: EventForRow<Omit<NotificationSentV1, 'sentAt'>>[] = rows.flatMap((row, index) =>
    row.channel === DELIVERED_ON_RECORDING
      ? [
          {
            rowId: ids[index],
            event: sentAnnouncement({
              id: ids[index],
              caseId: row.subjectId,
              recipientKind: row.recipientKind,
              channel: row.channel,
              template: row.message.template,
              county: event.county,
              town: event.town,
              correlationId: event.correlationId,
              sourceEventId: row.sourceEventId,
            }),
          },
        ]
      : [],
  );
  if (announcements.length === 0) return messages;
  const announced = enqueueForRows(
    NOTIFICATION_SCHEMA,
    notificationSentV1,
    announcements,
    'messages',
    params,
    {
      sentAt: isoTimestampOf('sent_at'),
    },
  );
  return `${messages}, announced AS (${announced})`;
}

/** Whether any of these messages waits for the delivery poller (an SMS). */
export const awaitsDelivery = (rows: readonly Pick<MessageRow, 'channel'>[]): boolean =>
  rows.some((row) => row.channel !== DELIVERED_ON_RECORDING);

const plannedRows = (
  event: EventEnvelope<{ caseId: string }>,
  messages: readonly PlannedMessage[],
): MessageRow[] =>
  messages.map((planned) => ({ ...planned, subjectId: event.payload.caseId, sourceEventId: event.id }));

/** Records messages inside the caller's transaction (a consumer's effect). */
export async function recordMessageRows(
  manager: EntityManager,
  event: EventEnvelope<object>,
  rows: readonly MessageRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  await manager.query(`WITH ${messageParts(event, rows, params)} SELECT 1`, params);
}

/** Records an event's messages inside the caller's transaction. */
export async function recordMessages(
  manager: EntityManager,
  event: EventEnvelope<{ caseId: string }>,
  messages: readonly PlannedMessage[],
): Promise<void> {
  await recordMessageRows(manager, event, plannedRows(event, messages));
}

/**
 * Records the event as processed by `consumer` and its messages, in one statement (so in a transaction of its own):
 * 'duplicate' when the event was processed before, and then no message is recorded.
 */
export async function recordOnceWithMessages(
  dataSource: DataSource,
  consumer: string,
  topic: string,
  event: EventEnvelope<{ caseId: string }>,
  messages: readonly PlannedMessage[],
): Promise<'processed' | 'duplicate'> {
  const params: unknown[] = [];
  const recorded = processedEventRecord(NOTIFICATION_SCHEMA, consumer, { id: event.id, topic }, params);
  const parts = messages.length
    ? `, ${messageParts(event, plannedRows(event, messages), params, 'EXISTS (SELECT 1 FROM recorded)')}`
    : '';
  const [{ found }] = (await dataSource.query(
    `WITH recorded AS (${recorded})${parts} SELECT count(*)::int AS found FROM recorded`,
    params,
  )) as { found: number }[];
  return found > 0 ? 'processed' : 'duplicate';
}
