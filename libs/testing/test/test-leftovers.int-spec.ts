import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { removeKafkaTestLeftovers, testKafka } from '../src';

// Names of this suite's own, so the sweep never touches the topics and groups of suites running beside it.
describe('removing what tests left on the broker (real Kafka)', () => {
  const kafka = testKafka();
  const admin = kafka.admin();
  const run = randomUUID().slice(0, 8);
  const names = { topicPrefix: `oneseal.sweep-${run}.`, groupPrefixes: [`oneseal-sweep-${run}`] };
  const leftTopics = [`${names.topicPrefix}a`, `${names.topicPrefix}b`];
  const otherTopic = `oneseal.kept-${run}`;
  const idleGroup = `oneseal-sweep-${run}-idle`;
  const busyGroup = `oneseal-sweep-${run}-busy`;
  const consumers: Consumer[] = [];

  const joinGroup = async (groupId: string) => {
    const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 500 });
    consumers.push(consumer);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [otherTopic] });
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({
      topics: [...leftTopics, otherTopic].map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
    // A group without members stays only while it holds committed offsets, as a test consumer's group does.
    await admin.setOffsets({
      groupId: idleGroup,
      topic: otherTopic,
      partitions: [{ partition: 0, offset: '0' }],
    });
    await joinGroup(busyGroup);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await admin.deleteTopics({ topics: [otherTopic] }).catch(() => undefined);
    await admin.deleteGroups([busyGroup]).catch(() => undefined);
    await admin.disconnect();
  });

  it('removes the tests’ topics and idle groups, and leaves other topics and groups with members', async () => {
    expect(await removeKafkaTestLeftovers(kafka, names)).toEqual({ topics: 2, groups: 1 });

    const topics = await admin.listTopics();
    expect(leftTopics.filter((topic) => topics.includes(topic))).toEqual([]);
    expect(topics).toContain(otherTopic);
    const groups = (await admin.listGroups()).groups.map(({ groupId }) => groupId);
    expect({ idle: groups.includes(idleGroup), busy: groups.includes(busyGroup) }).toEqual({
      idle: false,
      busy: true,
    });
  });
});
