import { randomUUID } from 'node:crypto';
import type { OutboxRecord } from '@oneseal/database';
import { MessageCollector, eventually, testKafka, testProducerKeys, uniqueTopic } from '@oneseal/testing';
import type { Producer } from 'kafkajs';
import {
  EVENT_PRODUCER_CONFIG,
  EventProducer,
  TopicPartitionCounts,
  ensureTopics,
  partitionOfKey,
} from '../src';

describe('outbox records published one partition at a time (real Kafka)', () => {
  const kafka = testKafka();
  const published = uniqueTopic('partition-batches');
  const plain = uniqueTopic('partition-plain');
  let producer: Producer;
  let collector: MessageCollector;

  beforeAll(async () => {
    await ensureTopics(kafka, [published, plain], { partitions: 3, replicationFactor: 1 });
    // As the services send: idempotent, one request in flight per broker, the sends of a batch together.
    producer = kafka.producer({ ...EVENT_PRODUCER_CONFIG });
    await producer.connect();
    collector = new MessageCollector(kafka, [published, plain]);
    await collector.start();
  });

  afterAll(async () => {
    await collector?.stop();
    await producer?.disconnect();
  });

  it("sends a batch of several cases once per partition, each case where kafkajs's own partitioner puts it", async () => {
    const cases = Array.from({ length: 8 }, () => randomUUID());
    // Two events per case, interleaved as an outbox holds them.
    const records: OutboxRecord[] = [...cases, ...cases].map((key, n) => ({
      topic: published,
      key,
      value: JSON.stringify({ n }),
      eventId: randomUUID(),
    }));
    const sends = jest.spyOn(producer, 'send');
    await new EventProducer(
      producer,
      testProducerKeys().signer('intake'),
      new TopicPartitionCounts(kafka),
    ).publish(records);
    const partitionsUsed = new Set(cases.map((key) => partitionOfKey(published, key, 3)));
    expect(sends).toHaveBeenCalledTimes(partitionsUsed.size);
    sends.mockRestore();

    // The same keys sent the plain way, kafkajs choosing the partition, land in the same partitions.
    await producer.send({ topic: plain, messages: cases.map((key) => ({ key, value: '{}' })) });

    await eventually('every message to arrive', () =>
      Promise.resolve(collector.messages.length === records.length + cases.length ? true : undefined),
    );
    const partitionOf = (topic: string, key: string) =>
      new Set(
        collector.messages
          .filter((message) => message.topic === topic && message.key === key)
          .map((message) => message.partition),
      );
    for (const key of cases) {
      expect(partitionOf(published, key)).toEqual(new Set([partitionOfKey(published, key, 3)]));
      expect(partitionOf(plain, key)).toEqual(partitionOf(published, key));
    }
    // Each case's events arrive in outbox order.
    for (const key of cases) {
      const order = collector.messages
        .filter((message) => message.topic === published && message.key === key)
        .map((message) => (JSON.parse(message.value) as { n: number }).n);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});
