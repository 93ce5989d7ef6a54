import { randomUUID } from 'node:crypto';
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
}

/**
 * Makes a change and records the event that announces it in one statement, so in a transaction of its own without
 * opening one: the event is recorded if and only if the change touched a row. Nothing when it touched none.
 */
export async function changeAndEnqueueEvent<TPayload extends object>(
  db: DataSource | EntityManager,
  schema: string,
  contract: EventContract<TPayload>,
  change: ReturningChange,
  event: NewEvent<TPayload>,
): Promise<EventEnvelope<TPayload> | undefined> {
  const envelope = envelopeOf(schema, contract, event);
  const params = [...change.params];
  const recorded = await enqueueAfter(
    db,
    schema,
    contract.topic,
    envelope,
    `change AS (${change.sql})`,
    'change',
    params,
  );
  return recorded ? envelope : undefined;
}

/** Records `envelope` in the outbox for each row of `from` (at most once), after the WITH parts `parts`. */
async function enqueueAfter(
  db: DataSource | EntityManager,
  schema: string,
  topic: string,
  envelope: EventEnvelope<object>,
  parts: string,
  from: string,
  params: unknown[],
): Promise<boolean> {
  const add = (value: unknown) => `$${params.push(value)}`;
  const recorded = (await db.query(
    `WITH ${parts}
     INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope)
     SELECT ${add(envelope.id)}, ${add(topic)}, ${add(envelope.subject)}, ${add(JSON.stringify(envelope))}
       FROM ${from} LIMIT 1
     RETURNING event_id`,
    params,
  )) as unknown[];
  return recorded.length > 0;
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
    id: randomUUID(),
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
