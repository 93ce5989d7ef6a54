import { CompressionTypes, type Producer } from 'kafkajs';
import type { OutboxRecord, OutboxSink } from '@oneseal/database';
import type { EventSigner } from './producer-identity';
import { RenewOnFailure, type ProducerRenewal } from './producer-renewal';
import { SendGate } from './send-gate';
import { partitionOfKey, type PartitionCounts } from './topic-partitions';

/** Records bound for one partition of one topic, in outbox order. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  records: OutboxRecord[];
  /** The batches (by index, all earlier) that must be written before this one is sent. */
  after: number[];
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
 *
 * The sends go out together, each once the batches it comes after are written: on three brokers, waiting for each
 * partition's replicas one partition at a time left events 2 s in the outbox under load. (kafkajs's idempotent
 * producer still sends to one broker at a time, holding a lock per broker while it numbers the messages.) When one
 * send fails, the rest are awaited before the relay hears of it, and what depended on it is not sent.
 */
export class EventProducer implements OutboxSink {
  /** The fallback of a skipped partition lets kafkajs choose partitions: it goes by itself (see SendGate). */
  private readonly gate = new SendGate();

  private readonly producers: RenewOnFailure;

  constructor(
    producer: Producer,
    /** Every event leaves signed with the publishing service's key. */
    private readonly signer: EventSigner,
    private readonly partitions: PartitionCounts,
    /** Where a new producer comes from after a failed publish (see RenewOnFailure). */
    renewal?: ProducerRenewal,
  ) {
    this.producers = new RenewOnFailure(producer, renewal);
  }

  async publish(records: readonly OutboxRecord[]): Promise<void> {
    const producer = await this.producers.current();
    const partitionsOf = await this.partitions.of(records.map((record) => record.topic));
    const sends: Promise<void>[] = [];
    for (const batch of groupByPartition(records, partitionsOf)) {
      sends.push(
        Promise.all(batch.after.map((index) => sends[index])).then(() => this.send(producer, batch)),
      );
    }
    const failures = (await Promise.allSettled(sends)).flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    if (failures.length === 0) return;
    // Every send has ended; the relay tries the batch again, with a new producer.
    this.producers.failed();
    throw failures[0];
  }

  private async send(producer: Producer, batch: PartitionBatch): Promise<void> {
    try {
      const written = await this.gate.together(() =>
        producer.send({
          topic: batch.topic,
          acks: -1,
          compression: CompressionTypes.None,
          messages: batch.records.map((record) => this.message(record, batch.partition)),
        }),
      );
      // kafkajs skips, without an error, a partition its own metadata does not know yet (partitions just added):
      // what it did not write is sent the way it chooses, one case at a time, while no other send is under way.
      if (!written.some((meta) => meta.topicName === batch.topic && meta.partition === batch.partition)) {
        this.partitions.forget([batch.topic]);
        await this.gate.byItself(() => this.sendOneCaseAtATime(producer, batch.records));
      }
    } catch (error) {
      // The topic may have changed (partitions added): asked again before the relay's next try.
      this.partitions.forget([batch.topic]);
      throw error;
    }
  }

  private async sendOneCaseAtATime(producer: Producer, records: readonly OutboxRecord[]): Promise<void> {
    for (const record of records) {
      const written = await producer.send({
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
 * Records grouped by topic and partition, in outbox order. A record joins the latest group of its topic and partition
 * unless its case already has a record in a later group (that group may be written only after this one). Each group
 * comes after the previous group of its topic and partition (a partition's events are written in outbox order, and
 * kafkajs numbers an idempotent producer's messages per partition) and after the groups holding its cases' earlier
 * records: a case's events leave in outbox order across topics as well.
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
    const previous = latest.get(id);
    const ofCase = lastOfCase.get(record.key);
    let at = previous;
    if (at === undefined || at < (ofCase ?? -1)) {
      at = batches.push({ topic: record.topic, partition, records: [], after: [] }) - 1;
      latest.set(id, at);
      if (previous !== undefined) batches[at].after.push(previous);
    }
    const batch = batches[at];
    if (ofCase !== undefined && ofCase !== at && !batch.after.includes(ofCase)) batch.after.push(ofCase);
    batch.records.push(record);
    lastOfCase.set(record.key, at);
  }
  return batches;
}
