import { CompressionTypes, type Producer } from 'kafkajs';
import type { OutboxRecord, OutboxSink } from '@oneseal/database';
import type { EventSigner } from './producer-identity';
import { partitionOfKey, type TopicPartitionCounts } from './topic-partitions';

/** Records bound for one partition of one topic, in outbox order. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  records: OutboxRecord[];
}

/**
 * Publishes outbox records. acks=-1 so an event counts as published only once the broker has it durably;
 * the outbox row is marked published only after this resolves.
 *
 * One send per topic and partition, in outbox order, each message given its partition: each send then goes to
 * exactly one leader. kafkajs (2.2.4) loses messages when one send spans several leaders and a partition's leadership
 * moves, mid-send, to a broker that already answered: its retry skips that broker, and the send resolves with the
 * moved partition's messages never written (found by `npm run chaos` on three brokers). The partition is the one
 * kafkajs's default partitioner gives the key, so a case stays in one partition number of every topic; a batch of
 * several cases takes one send per partition rather than one per case.
 */
export class EventProducer implements OutboxSink {
  constructor(
    private readonly producer: Producer,
    /** Every event leaves signed with the publishing service's key. */
    private readonly signer: EventSigner,
    private readonly partitions: TopicPartitionCounts,
  ) {}

  async publish(records: readonly OutboxRecord[]): Promise<void> {
    const partitionsOf = await this.partitions.of(records.map((record) => record.topic));
    for (const batch of groupByPartition(records, partitionsOf)) {
      try {
        await this.producer.send({
          topic: batch.topic,
          acks: -1,
          compression: CompressionTypes.None,
          messages: batch.records.map((record) => ({
            key: record.key,
            value: record.value,
            partition: batch.partition,
            headers: { 'event-id': record.eventId, ...this.signer.headersFor(record.value) },
          })),
        });
      } catch (error) {
        // The topic may have changed (partitions added): asked again before the relay's next try.
        this.partitions.forget([batch.topic]);
        throw error;
      }
    }
  }
}

/** Records grouped by topic and partition, in the order each group's first record came. */
export function groupByPartition(
  records: readonly OutboxRecord[],
  partitionsOf: (topic: string) => number,
): PartitionBatch[] {
  const batches = new Map<string, PartitionBatch>();
  for (const record of records) {
    const partition = partitionOfKey(record.topic, record.key, partitionsOf(record.topic));
    const id = `${partition}|${record.topic}`;
    const batch = batches.get(id);
    if (batch) batch.records.push(record);
    else batches.set(id, { topic: record.topic, partition, records: [record] });
  }
  return [...batches.values()];
}
