import type { EventEnvelope } from '@oneseal/contracts';
import { processedEventRecord, timeOrderedUuid } from '@oneseal/database';
import type { DataSource, EntityManager } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import type { PlannedMessage } from './notification-rules';

/** The columns a planned message fills, each with the type its parameter is read as. */
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
];

/**
 * One INSERT of an event's messages, all pending. The unique (event, recipient) constraint is the last word: a
 * concurrent consumer that got past the processed-events record with the same event inserts nothing. `when` keeps
 * the insert to a condition over the statement's other parts (a WITH of the caller's).
 */
function messagesInsert(
  event: EventEnvelope<{ caseId: string }>,
  messages: readonly PlannedMessage[],
  params: unknown[],
  when = 'true',
): string {
  const rows = messages.map((planned) => {
    const values = [
      timeOrderedUuid(),
      event.payload.caseId,
      planned.recipientKind,
      planned.recipient,
      planned.channel,
      planned.message.template,
      JSON.stringify(planned.message.params),
      planned.message.body,
      event.id,
      event.county,
      event.town ?? null,
      event.correlationId,
    ];
    const placed = values.map((value, i) => `$${params.push(value)}::${COLUMNS[i][1]}`);
    return `(${placed.join(', ')})`;
  });
  const names = COLUMNS.map(([name]) => name).join(', ');
  return `INSERT INTO notification.notifications (${names}, status, attempts, next_attempt_at, created_at)
          SELECT ${COLUMNS.map(([name]) => `m.${name}`).join(', ')}, 'pending', 0, now(), clock_timestamp()
            FROM (VALUES ${rows.join(', ')}) AS m (${names})
           WHERE ${when}
          ON CONFLICT ON CONSTRAINT notifications_once_per_event_and_recipient DO NOTHING`;
}

/** Records an event's messages inside the caller's transaction. */
export async function recordMessages(
  manager: EntityManager,
  event: EventEnvelope<{ caseId: string }>,
  messages: readonly PlannedMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const params: unknown[] = [];
  await manager.query(messagesInsert(event, messages, params), params);
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
  const insert = messages.length
    ? `, messages AS (${messagesInsert(event, messages, params, 'EXISTS (SELECT 1 FROM recorded)')})`
    : '';
  const [{ found }] = (await dataSource.query(
    `WITH recorded AS (${recorded})${insert} SELECT count(*)::int AS found FROM recorded`,
    params,
  )) as { found: number }[];
  return found > 0 ? 'processed' : 'duplicate';
}
