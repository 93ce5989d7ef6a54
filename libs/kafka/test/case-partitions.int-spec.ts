import { randomUUID } from 'node:crypto';
import { eventually, testKafka, uniqueGroup, uniqueTopic } from '@oneseal/testing';
import type { Admin, Consumer, ConsumerConfig, Producer } from 'kafkajs';
import { ensureTopics, kafkaTransportOptions } from '../src';

/** Two replicas of one service, each consuming as the service's Nest transport configures its consumer. */
describe('replicas of a service sharing a consumer group (real Kafka)', () => {
  const kafka = testKafka();
  const topics = [uniqueTopic('case-accepted'), uniqueTopic('step-decided')];
  const groupId = uniqueGroup('case-partitions');
  const consumerOptions = kafkaTransportOptions({ clientId: 'test', brokers: [], groupId }).options as {
    consumer: ConsumerConfig;
  };
  let admin: Admin;
  let producer: Producer;
  const replicas: { name: string; consumer: Consumer; cases: Map<string, Set<string>> }[] = [];

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    // Three partitions, as the cluster profile creates them (round robin would split a case across the replicas).
    await ensureTopics(kafka, topics, { partitions: 3, replicationFactor: 1 });
    producer = kafka.producer();
    await producer.connect();
    for (const name of ['replica-1', 'replica-2']) {
      const consumer = kafka.consumer({ ...consumerOptions.consumer, groupId });
      const cases = new Map<string, Set<string>>();
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          const key = message.key?.toString() ?? '';
          cases.set(key, (cases.get(key) ?? new Set()).add(topic));
        },
      });
      replicas.push({ name, consumer, cases });
    }
    // Both members in the group before anything is sent: no rebalance moves a partition mid-test.
    await eventually('both replicas assigned', async () => {
      const group = await admin.describeGroups([groupId]);
      const members = group.groups[0]?.members ?? [];
      return group.groups[0]?.state === 'Stable' && members.length === 2 ? group.groups[0] : undefined;
    });
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.consumer.disconnect();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('gives every event of a case to one replica: its acceptance and its decisions alike', async () => {
    const cases = Array.from({ length: 40 }, () => randomUUID());
    for (const topic of topics) {
      await producer.send({ topic, messages: cases.map((key) => ({ key, value: topic })) });
    }
    await eventually('every event received', async () => {
      const received = replicas.reduce(
        (sum, replica) => sum + [...replica.cases.values()].reduce((n, seen) => n + seen.size, 0),
        0,
      );
      return received === cases.length * topics.length ? true : undefined;
    });
    for (const key of cases) {
      const holders = replicas.filter((replica) => replica.cases.has(key));
      expect(holders).toHaveLength(1);
      expect([...(holders[0].cases.get(key) ?? [])].sort()).toEqual([...topics].sort());
    }
    // And the work is shared: each replica holds cases of its own.
    expect(replicas.every((replica) => replica.cases.size > 0)).toBe(true);
  });
});
