import { CompressionTypes, type Producer } from 'kafkajs';
import type { OutboxRecord, OutboxSink } from '@oneseal/database';
import type { EventSigner } from './producer-identity';

/**
 * Publishes outbox records. acks=-1 so an event counts as published only once the broker has it durably;
 * the outbox row is marked published only after this resolves.
 *
 * One send per topic and message key, in outbox order: each send then goes to exactly one partition, so to one
 * leader. kafkajs (2.2.4) loses messages when one send spans several leaders and a partition's leadership moves,
 * mid-send, to a broker that already answered: its retry skips that broker, and the send resolves with the moved
 * partition's messages never written (found by `npm run chaos` on three brokers).
 */
export class EventProducer implements OutboxSink {
  constructor(
    private readonly producer: Producer,
    /** Every event leaves signed with the publishing service's key. */
    private readonly signer: EventSigner,
  ) {}

  async publish(records: readonly OutboxRecord[]): Promise<void> {
    for (const group of groupByTopicAndKey(records)) {
      await this.producer.send({
        topic: group[0].topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: group.map((record) => ({
          key: record.key,
          value: record.value,
          headers: { 'event-id': record.eventId, ...this.signer.headersFor(record.value) },
        })),
      });
    }
  }
}

/** Records of the same topic and key (so of the same partition), in the order their first record came. */
export function groupByTopicAndKey(records: readonly OutboxRecord[]): OutboxRecord[][] {
  const groups = new Map<string, OutboxRecord[]>();
  for (const record of records) {
    const id = JSON.stringify([record.topic, record.key]);
    const group = groups.get(id);
    if (group) group.push(record);
    else groups.set(id, [record]);
  }
  return [...groups.values()];
}
