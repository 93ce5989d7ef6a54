import type { Kafka } from 'kafkajs';
import { TEST_GROUP_PREFIX, TEST_TOPIC_PREFIX } from './kafka-probe';

/** Groups named before the prefix was shared (2026-12-07), still on brokers that ran tests then. */
const OLDER_TEST_GROUP_PREFIXES = ['test-commits-'];

export interface TestNames {
  topicPrefix: string;
  groupPrefixes: readonly string[];
}

const TEST_NAMES: TestNames = {
  topicPrefix: TEST_TOPIC_PREFIX,
  groupPrefixes: [TEST_GROUP_PREFIX, ...OLDER_TEST_GROUP_PREFIXES],
};

export interface KafkaLeftovers {
  topics: number;
  groups: number;
}

/**
 * Removes the topics and idle consumer groups tests made on the broker the local system runs on too: each run of the
 * integration tier left a few dozen of each behind, and a developer's broker collected them run after run (ninety
 * topics and seventy groups here, listed beside the system's own by every admin tool). Groups with members are left to
 * whoever is still in them.
 */
export async function removeKafkaTestLeftovers(
  kafka: Kafka,
  names: TestNames = TEST_NAMES,
): Promise<KafkaLeftovers> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(names.topicPrefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 30_000 });
    const { groups } = await admin.listGroups();
    const candidates = groups
      .map(({ groupId }) => groupId)
      .filter((groupId) => names.groupPrefixes.some((prefix) => groupId.startsWith(prefix)));
    const idle = candidates.length
      ? (await admin.describeGroups(candidates)).groups
          .filter(({ state }) => state === 'Empty')
          .map(({ groupId }) => groupId)
      : [];
    if (idle.length) await admin.deleteGroups(idle);
    return { topics: topics.length, groups: idle.length };
  } finally {
    await admin.disconnect();
  }
}
