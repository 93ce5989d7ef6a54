import type { Kafka } from 'kafkajs';
import { TEST_GROUP_PREFIX, TEST_TOPIC_PREFIX } from './kafka-probe';

/** A run lasts minutes: names of a run that began this long ago were left by one that was stopped before its end. */
const ABANDONED_AFTER_MS = 6 * 3_600_000;

/** Names tests gave before runs were tagged (2026-12-07), still on brokers that ran tests then. */
const UNTAGGED_GROUP_PREFIXES = ['oneseal-test', 'test-commits-', 'case-partitions-'];

/** A name made by uniqueTopic or uniqueGroup: its prefix, then its run's tag (newTestRunTag: when it began, in base 36). */
const taggedName = (prefix: string, separator: string) =>
  new RegExp(`^${literal(prefix)}(run-([0-9a-z]+)-[0-9a-f]{4})${literal(separator)}`);
const literal = (text: string) => text.replace(/\./g, '\\.');
const TAGGED_TOPIC = taggedName(TEST_TOPIC_PREFIX, '.');
const TAGGED_GROUP = taggedName(TEST_GROUP_PREFIX, '-');

export interface KafkaLeftovers {
  topics: number;
  groups: number;
}

/**
 * Removes the topics and idle consumer groups of the test run `run` from the broker the local system runs on too,
 * with those of runs stopped before their end and those named before runs were tagged: over the sessions a
 * developer's broker had collected ninety test topics and seventy groups, listed beside the system's own by every
 * admin tool. The names of another run still going (a suite run by hand meanwhile) are left alone, and so is a group
 * with members. Idle groups go first: deleting a topic also deletes what groups committed on it, and a group left
 * with nothing is gone by the time it would be deleted.
 */
export async function removeKafkaTestLeftovers(
  kafka: Kafka,
  run: string,
  now: number = Date.now(),
): Promise<KafkaLeftovers> {
  const left = (name: string, tagged: RegExp, untagged: (name: string) => boolean) => {
    const match = tagged.exec(name);
    if (!match) return untagged(name);
    return match[1] === run || now - parseInt(match[2], 36) > ABANDONED_AFTER_MS;
  };
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const candidates = groups
      .map(({ groupId }) => groupId)
      .filter((groupId) =>
        left(groupId, TAGGED_GROUP, (name) =>
          UNTAGGED_GROUP_PREFIXES.some((prefix) => name.startsWith(prefix)),
        ),
      );
    const idle = candidates.length
      ? (await admin.describeGroups(candidates)).groups
          .filter(({ state }) => state === 'Empty')
          .map(({ groupId }) => groupId)
      : [];
    let removedGroups = 0;
    for (const groupId of idle) {
      // One that a consumer joined meanwhile, or that Kafka dropped itself, is not this tidy-up's to remove.
      removedGroups += await admin.deleteGroups([groupId]).then(
        () => 1,
        () => 0,
      );
    }
    const topics = (await admin.listTopics()).filter((topic) =>
      left(topic, TAGGED_TOPIC, (name) => name.startsWith(TEST_TOPIC_PREFIX)),
    );
    if (topics.length) await admin.deleteTopics({ topics, timeout: 30_000 });
    return { topics: topics.length, groups: removedGroups };
  } finally {
    await admin.disconnect();
  }
}
