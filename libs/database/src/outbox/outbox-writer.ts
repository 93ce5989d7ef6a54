import { timeOrderedUuid } from '../ids/time-ordered-uuid';
import type { DataSource, EntityManager } from 'typeorm';
import { processedEventRecord } from '../inbox/process-once';
import {
  EVENT_PRODUCERS,
  producerOf,
  type EventActor,
  type EventContract,
  type EventEnvelope,
  type ProducingService,
} from '@oneseal/contracts';

const isEventProducer = (schema: string): schema is ProducingService =>
  (EVENT_PRODUCERS as readonly string[]).includes(schema);

export interface NewEvent<TPayload extends object> {
  subject: string;
  county: string;
  town?: string;
  actor: EventActor;
  correlationId: string;
  causationId?: string;
  payload: TPayload;
}

/**
 * Records an event in the outbox inside the caller's transaction: the event is published if and only if the
 * change that caused it commits.
 */
export async function enqueueEvent<TPayload extends object>(
  manager: EntityManager,
  schema: string,
  contract: EventContract<TPayload>,
  event: NewEvent<TPayload>,
): Promise<EventEnvelope<TPayload>> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('enqueueEvent must run inside a transaction, together with the change it announces');
  }
  const envelope = envelopeOf(schema, contract, event);
  await manager.query(
    `INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)`,
    [envelope.id, contract.topic, envelope.subject, JSON.stringify(envelope)],
  );
  return envelope;
}

/** A change to make, written as an UPDATE or INSERT with a RETURNING clause and parameters $1…$n. */
export interface ReturningChange {
  sql: string;
  params: unknown[];
  /**
   * Earlier parts of the statement's WITH the change reads from (`name AS (…)`, comma-separated; data-modifying ones
   * too, since a data-modifying WITH is allowed only at a statement's top level). A data-modifying step runs whether or
   * not the change then touches a row: chain each on the one before (`… FROM step`), or roll back when nothing came.
   */
  steps?: string;
}

/**
 * Payload fields the changed row gives (what the caller cannot know before the change): each an SQL expression over
 * the columns the change returns, as `change.<column>`, answering the field's JSON value.
 */
export type PayloadFromChange<TField extends string> = Record<TField, string>;

/** A timestamp column of the changed row as the JSON string `Date.toISOString()` writes (UTC, milliseconds, Z). */
export const isoTimestampOf = (column: string): string =>
  `to_char(change.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Makes a change and records the event that announces it in one statement, so in a transaction of its own without
 * opening one: the event is recorded if and only if the change touched a row. Nothing when it touched none. Fields
 * of the payload the changed row gives are named in `fromChange` and left out of `event`; the envelope answered is
 * the one recorded, with them.
 */
export async function changeAndEnqueueEvent<
  TPayload extends object,
  TFromChange extends keyof TPayload & string = never,
>(
  db: DataSource | EntityManager,
  schema: string,
  contract: EventContract<TPayload>,
  change: ReturningChange,
  event: NewEvent<Omit<TPayload, TFromChange>>,
  fromChange?: PayloadFromChange<TFromChange>,
): Promise<EventEnvelope<TPayload> | undefined> {
  const envelope = envelopeOf(
    schema,
    contract as unknown as EventContract<Omit<TPayload, TFromChange>>,
    event,
  );
  const params = [...change.params];
  const recorded = await enqueueAfter(
    db,
    schema,
    contract.topic,
    envelope,
    `${change.steps ? `${change.steps},\n` : ''}change AS (${change.sql})`,
    'change',
    params,
    fromChange,
  );
  if (!recorded) return undefined;
  return { ...envelope, payload: { ...envelope.payload, ...recorded.filled } } as EventEnvelope<TPayload>;
}

/**
 * Records `envelope` in the outbox for each row of `from` (at most once), after the WITH parts `parts`, with the
 * payload fields `fromChange` computes from that row; answers those fields as recorded, or nothing when `from` had
 * no row.
 */
async function enqueueAfter(
  db: DataSource | EntityManager,
  schema: string,
  topic: string,
  envelope: EventEnvelope<object>,
  parts: string,
  from: string,
  params: unknown[],
  fromChange: Record<string, string> = {},
): Promise<{ filled: Record<string, unknown> } | undefined> {
  const add = (value: unknown) => `$${params.push(value)}`;
  const given = `${add(JSON.stringify(envelope))}::jsonb`;
  const filled = Object.entries(fromChange);
  const stored =
    filled.length === 0
      ? given
      : `jsonb_set(${given}, '{payload}', (${given} -> 'payload') || jsonb_build_object(${filled
          .map(([field, expression]) => `${add(field)}::text, ${expression}`)
          .join(', ')}))`;
  const [recorded] = (await db.query(
    `WITH ${parts}
     INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope)
     SELECT ${add(envelope.id)}, ${add(topic)}, ${add(envelope.subject)}, ${stored}
       FROM ${from} LIMIT 1
     RETURNING event_id${filled.length === 0 ? '' : `, envelope -> 'payload' AS payload`}`,
    params,
  )) as { event_id: string; payload?: Record<string, unknown> }[];
  if (!recorded) return undefined;
  return { filled: Object.fromEntries(filled.map(([field]) => [field, recorded.payload?.[field]])) };
}

/** An event to record for a row a statement inserts or changes, named by the row's `id`. */
export interface EventForRow<TPayload extends object> {
  rowId: string;
  event: NewEvent<TPayload>;
}

/**
 * The INSERT, as a part of the caller's WITH, that records the event of each row `from` answers (a part returning
 * `id` and the columns `fromRow` reads): an event is recorded if and only if its row is there, so a row the statement
 * left out (a conflict, a condition) is announced by nothing. Payload fields the row gives are SQL expressions over
 * `change.<column>`, as for `changeAndEnqueueEvent`. Values are appended to `params`.
 */
export function enqueueForRows<TPayload extends object, TFromRow extends keyof TPayload & string = never>(
  schema: string,
  contract: EventContract<TPayload>,
  rows: readonly EventForRow<Omit<TPayload, TFromRow>>[],
  from: string,
  params: unknown[],
  fromRow?: PayloadFromChange<TFromRow>,
): string {
  if (rows.length === 0) throw new Error('enqueueForRows needs at least one row');
  const add = (value: unknown) => `$${params.push(value)}`;
  const values = rows.map(({ rowId, event }) => {
    const envelope = envelopeOf(
      schema,
      contract as unknown as EventContract<Omit<TPayload, TFromRow>>,
      event,
    );
    return `(${add(rowId)}::uuid, ${add(envelope.id)}::uuid, ${add(envelope.subject)}::text, ${add(
      JSON.stringify(envelope),
    )}::jsonb)`;
  });
  const filled = Object.entries<string>(fromRow ?? {});
  const envelope =
    filled.length === 0
      ? 'a.envelope'
      : `jsonb_set(a.envelope, '{payload}', (a.envelope -> 'payload') || jsonb_build_object(${filled
          .map(([field, expression]) => `${add(field)}::text, ${expression}`)
          .join(', ')}))`;
  return `INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope)
          SELECT a.event_id, ${add(contract.topic)}, a.message_key, ${envelope}
            FROM (VALUES ${values.join(', ')}) AS a (row_id, event_id, message_key, envelope)
            JOIN ${from} AS change ON change.id = a.row_id`;
}

function envelopeOf<TPayload extends object>(
  schema: string,
  contract: EventContract<TPayload>,
  event: NewEvent<TPayload>,
): EventEnvelope<TPayload> {
  // Each service's schema is named after it: an event goes out only through the outbox of the service it is named after.
  if (isEventProducer(schema) && producerOf(contract) !== schema) {
    throw new Error(
      `the ${schema} service does not publish ${contract.type}: its events are ${producerOf(contract)}'s`,
    );
  }
  return {
    id: timeOrderedUuid(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    ...event,
  };
}

/** An UPDATE to make only when the event it follows is new: `update` (UPDATE … SET …) and `where`, on `params`. */
export interface GuardedUpdate {
  update: string;
  where: string;
  params: unknown[];
}

/**
 * One statement for a consumer or an activity that must act once per event: records `processed` as processed by
 * `consumer`, makes `change` and records the event announcing it, all only when `processed` is new. Needs no
 * transaction. 'duplicate' when it was processed before: then nothing changes.
 */
export async function processOnceAndEnqueue<TPayload extends object>(
  db: DataSource | EntityManager,
  schema: string,
  consumer: string,
  processed: { id: string; topic: string },
  change: GuardedUpdate | undefined,
  contract: EventContract<TPayload>,
  event: NewEvent<TPayload>,
): Promise<'processed' | 'duplicate'> {
  const envelope = envelopeOf(schema, contract, event);
  const params = [...(change?.params ?? [])];
  const recorded = `recorded AS (${processedEventRecord(schema, consumer, processed, params)})`;
  const changed = change
    ? `, changed AS (${change.update} WHERE (${change.where}) AND EXISTS (SELECT 1 FROM recorded) RETURNING 1)`
    : '';
  const announced = await enqueueAfter(
    db,
    schema,
    contract.topic,
    envelope,
    recorded + changed,
    'recorded',
    params,
  );
  return announced ? 'processed' : 'duplicate';
}
