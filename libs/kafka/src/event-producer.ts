import { CompressionTypes, type Producer } from 'kafkajs';
import type { OutboxRecord, OutboxSink } from '@oneseal/database';
import type { EventSigner } from './producer-identity';
import { partitionOfKey, type PartitionCounts } from './topic-partitions';

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
    private readonly partitions: PartitionCounts,
  ) {}

  async publish(records: readonly OutboxRecord[]): Promise<void> {
    const partitionsOf = await this.partitions.of(records.map((record) => record.topic));
    for (const batch of groupByPartition(records, partitionsOf)) {
      try {
        const written = await this.producer.send({
          topic: batch.topic,
          acks: -1,
          compression: CompressionTypes.None,
          messages: batch.records.map((record) => this.message(record, batch.partition)),
        });
        // kafkajs skips, without an error, a partition its own metadata does not know yet (partitions just added):
        // what it did not write is sent the way it chooses, one case at a time.
        if (!written.some((meta) => meta.topicName === batch.topic && meta.partition === batch.partition)) {
          this.partitions.forget([batch.topic]);
          await this.sendOneCaseAtATime(batch.records);
        }
      } catch (error) {
        // The topic may have changed (partitions added): asked again before the relay's next try.
        this.partitions.forget([batch.topic]);
        throw error;
      }
    }
  }

  private async sendOneCaseAtATime(records: readonly OutboxRecord[]): Promise<void> {
    for (const record of records) {
      const written = await this.producer.send({
        topic: record.topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: [this.message(record)],
      });
      if (written.length === 0) throw new Error(`Kafka took no partition for an event of ${record.topic}`);
    }
  }

  private message(record: OutboxRecord, partition?: number) {
    return {
      key: record.key,
      value: record.value,
      ...(partition === undefined ? {} : { partition }),
      headers: { 'event-id': record.eventId, ...this.signer.headersFor(record.value) },
    };
  }
}

/**
 * Records grouped by topic and partition, in outbox order, each group sent after those before it. A record joins the
 * latest group of its topic and partition unless its case already has a record in a later group (the group would
 * then be sent before that record): a case's events leave in outbox order across topics as well.
 */
export function groupByPartition(
  records: readonly OutboxRecord[],
  partitionsOf: (topic: string) => number,
): PartitionBatch[] {
  const batches: PartitionBatch[] = [];
  const latest = new Map<string, number>();
  const lastOfCase = new Map<string, number>();
  for (const record of records) {
    const partition = partitionOfKey(record.topic, record.key, partitionsOf(record.topic));
    const id = `${partition}|${record.topic}`;
    let at = latest.get(id);
    if (at === undefined || at < (lastOfCase.get(record.key) ?? -1)) {
      at = batches.push({ topic: record.topic, partition, records: [] }) - 1;
      latest.set(id, at);
    }
    batches[at].records.push(record);
    lastOfCase.set(record.key, at);
  }
  return batches;
}
