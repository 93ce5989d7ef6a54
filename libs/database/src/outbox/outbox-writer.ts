import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
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
  // Each service's schema is named after it: an event goes out only through the outbox of the service it is named after.
  if (isEventProducer(schema) && producerOf(contract) !== schema) {
    throw new Error(
      `the ${schema} service does not publish ${contract.type}: its events are ${producerOf(contract)}'s`,
    );
  }
  const envelope: EventEnvelope<TPayload> = {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    ...event,
  };
  await manager.query(
    `INSERT INTO "${schema}".outbox (event_id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)`,
    [envelope.id, contract.topic, envelope.subject, JSON.stringify(envelope)],
  );
  return envelope;
}
