import type { Producer } from 'kafkajs';
import { isKafkaErrorOf } from './kafka-errors';

/**
 * What a broker answers when it no longer accepts how an idempotent producer numbers its messages: a send that timed
 * out after being written gave its numbers back and a different batch came with them, or (brokers before Kafka 2.5)
 * it forgot the producer after `producer.id.expiration.ms` without a write; Kafka 3.9 takes any numbering from a
 * producer it forgot. kafkajs (2.2.4) retries none of these and keeps the same producer, so every later send fails the
 * same way.
 */
const PRODUCER_STATE_LOST = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'DUPLICATE_SEQUENCE_NUMBER',
]);

/** Whether `error` (or what caused it: kafkajs wraps a broker's refusal) is one of those answers. */
export const producerStateLost = (error: unknown): boolean => isKafkaErrorOf(error, PRODUCER_STATE_LOST);

/** Where a relay gets a new producer: a new producer id, numbering from zero again. */
export interface ProducerRenewal {
  next(): Promise<Producer>;
}

/**
 * New producers for an outbox relay, each connected before it is handed over; the one it replaces (if made here) is
 * disconnected, and the latest on close.
 */
export class RenewedProducers implements ProducerRenewal {
  private latest?: Producer;

  constructor(private readonly create: () => Producer) {}

  async next(): Promise<Producer> {
    const producer = this.create();
    await producer.connect();
    const replaced = this.latest;
    this.latest = producer;
    // Its sends have all ended (the relay asks only after a publish settled); a failed disconnect changes nothing.
    await replaced?.disconnect().catch(() => undefined);
    return producer;
  }

  async close(): Promise<void> {
    await this.latest?.disconnect();
    this.latest = undefined;
  }
}
