import { randomUUID } from 'node:crypto';
import { eventually, testKafka, uniqueTopic } from '@oneseal/testing';
import type { Admin, Consumer, ConsumerConfig, Producer } from 'kafkajs';
import { ensureTopics, kafkaTransportOptions, type ConsumerPace } from '../src';

/** A consumer set up as a service's Nest transport sets it up for the given pace. */
function consumerConfig(pace: ConsumerPace, groupId: string): ConsumerConfig {
  const options = kafkaTransportOptions({ clientId: 'test', brokers: [], groupId, pace }).options as {
    consumer: ConsumerConfig;
  };
  return { ...options.consumer, groupId };
}

/**
 * A consumer off a case's path ('gathered': the audit record, applicants' messages, the province's stages) takes
 * events trickling in a few fetches at a time instead of one fetch each, yet never holds back an event that
 * arrives alone.
 */
describe("a 'gathered' consumer (real Kafka)", () => {
  const kafka = testKafka();
  const topic = uniqueTopic('consumer-pace');
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer;
  /** The events of each batch the consumer was handed, in order. */
  const batches: string[][] = [];
  const received = () => batches.flat();

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(kafka, [topic], { partitions: 1, replicationFactor: 1 });
    producer = kafka.producer();
    await producer.connect();
    consumer = kafka.consumer(consumerConfig('gathered', `consumer-pace-${randomUUID().slice(0, 8)}`));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        batches.push(batch.messages.map((message) => message.value?.toString() ?? ''));
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('hands over an event that arrives alone, without waiting for others to fill the fetch', async () => {
    await producer.send({ topic, messages: [{ key: 'case-1', value: 'alone' }] });
    await eventually(
      'the lone event received',
      async () => (received().includes('alone') ? true : undefined),
      {
        timeoutMs: 15_000,
      },
    );
  });

  it('takes events sent one after another in a few fetches, each bringing several, none lost or repeated', async () => {
    const before = batches.length;
    const sent = Array.from({ length: 40 }, (_, index) => `trickle-${index}`);
    for (const value of sent) {
      await producer.send({ topic, messages: [{ key: `case-${value}`, value }] });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await eventually('every event received', async () =>
      sent.every((value) => received().includes(value)) ? true : undefined,
    );
    const trickled = batches.slice(before).flat();
    expect(trickled).toEqual(sent);
    // Forty sends over half a second or more: a fetch that answered with the first event would take a batch each.
    expect(batches.length - before).toBeLessThanOrEqual(8);
  });
});
