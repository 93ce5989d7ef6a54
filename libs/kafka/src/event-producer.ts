import { CompressionTypes, type Producer } from 'kafkajs';
import type { OutboxRecord, OutboxSink } from '@oneseal/database';
import type { EventSigner } from './producer-identity';

/**
 * Publishes outbox records. acks=-1 so an event counts as published only once the broker has it durably;
 * the outbox row is marked published only after this resolves.
 */
export class EventProducer implements OutboxSink {
  constructor(
    private readonly producer: Producer,
    /** Every event leaves signed with the publishing service's key. */
    private readonly signer: EventSigner,
  ) {}

  async publish(records: readonly OutboxRecord[]): Promise<void> {
    const byTopic = new Map<string, OutboxRecord[]>();
    for (const record of records) {
      const list = byTopic.get(record.topic) ?? [];
      list.push(record);
      byTopic.set(record.topic, list);
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((record) => ({
          key: record.key,
          value: record.value,
          headers: { 'event-id': record.eventId, ...this.signer.headersFor(record.value) },
        })),
      })),
    });
  }
}
