import type { Consumer } from 'kafkajs';
import { newTestRunTag, removeKafkaTestLeftovers, testKafka } from '../src';

/**
 * The sweep as the integration tier's end runs it, for a run of this suite's own making (a tag of its own), beside a
 * run still going and one stopped seven hours ago: what this run and the stopped one left goes, the other run's names
 * and any group with members stay.
 */
describe('removing what test runs left on the broker (real Kafka)', () => {
  const kafka = testKafka();
  const admin = kafka.admin();
  const now = Date.now();
  const thisRun = newTestRunTag(now);
  const otherRun = newTestRunTag(now - 60_000);
  const stoppedRun = newTestRunTag(now - 7 * 3_600_000);
  const topicOf = (run: string, label: string) => `oneseal.test.${run}.${label}`;
  const groupOf = (run: string, label: string) => `oneseal-test-${run}-${label}`;
  const topics = {
    mine: topicOf(thisRun, 'a'),
    mineToo: topicOf(thisRun, 'b'),
    stopped: topicOf(stoppedRun, 'a'),
    other: topicOf(otherRun, 'a'),
  };
  const groups = {
    // Its offsets are on a topic of the run: deleting that topic may make Kafka drop the group first.
    idleOnMine: groupOf(thisRun, 'idle'),
    idleOnOther: groupOf(otherRun, 'idle'),
    busy: groupOf(thisRun, 'busy'),
  };
  const consumers: Consumer[] = [];

  const setOffset = (groupId: string, topic: string) =>
    admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({
      topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
    await setOffset(groups.idleOnMine, topics.mine);
    await setOffset(groups.idleOnOther, topics.other);
    const consumer = kafka.consumer({ groupId: groups.busy, sessionTimeout: 6000, heartbeatInterval: 500 });
    consumers.push(consumer);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [topics.other] });
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await admin.disconnect();
    const tidy = kafka.admin();
    await tidy.connect();
    for (const groupId of [groups.busy, groups.idleOnOther])
      await tidy.deleteGroups([groupId]).catch(() => undefined);
    await tidy.deleteTopics({ topics: [topics.other] }).catch(() => undefined);
    await tidy.disconnect();
  });

  it('removes this run’s and a stopped run’s topics and idle groups, and leaves a running run’s and busy groups', async () => {
    const removed = await removeKafkaTestLeftovers(kafka, thisRun, now);

    // A client of its own: the suite's admin still asks for the metadata of the topics it made, now deleted.
    const check = kafka.admin();
    await check.connect();
    const left = await check.listTopics();
    const present = (names: Record<string, string>, among: string[]) =>
      Object.fromEntries(Object.entries(names).map(([key, name]) => [key, among.includes(name)]));
    expect(present(topics, left)).toEqual({ mine: false, mineToo: false, stopped: false, other: true });
    const groupsLeft = (await check.listGroups()).groups.map(({ groupId }) => groupId);
    await check.disconnect();
    expect(present(groups, groupsLeft)).toEqual({ idleOnMine: false, idleOnOther: true, busy: true });
    expect(removed.topics).toBeGreaterThanOrEqual(3);
  });
});
