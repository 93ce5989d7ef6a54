import { TOPICS } from '@oneseal/contracts';
import type { Admin, Kafka } from 'kafkajs';
import { isKafkaErrorOf } from './kafka-errors';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/**
 * Partitions and replicas as the brokers' num.partitions and default.replication.factor say (-1 each). One partition
 * on the embedded single node, where each consumer group has one member: every fetch names every partition a consumer
 * subscribes to, and audit's 39 topics at three partitions each cost the broker and the consumers an eighth of the
 * system's CPU per case for nothing. Four in the cluster profile (two replicas of each service share a group; three
 * before 2026-12-07), six in compose.cluster.yml and Kubernetes (up to six replicas); three replicas in a cluster, where
 * min.insync.replicas=2 makes every acknowledged event survive a lost node. A topic keeps the partitions it was
 * created with.
 */
export const DEFAULT_TOPIC_LAYOUT: TopicLayout = { partitions: -1, replicationFactor: -1 };

/**
 * Topics whose consumer takes long over each event get at least this many partitions, whatever the brokers' default,
 * so that many of their events are handled at once (a partition's events are handled one after another). Routing
 * starts a case's workflow for each submission, a round trip to Temporal of 50-150 ms under load: with one partition
 * at 3-4 submissions a second, a submission waited 0.4 s (p50) to 1.7 s (p95) behind the ones before it. A topic
 * with fewer is grown to this many when a service starts; its events are keyed by case and each case submits once,
 * so moving keys to new partitions reorders nothing that has an order. (Where the other topics keep fewer, as on a
 * cluster set up with three, a case's submission may reach another replica than its later events: a replica's
 * memory of the case misses once, and it takes the locked way.)
 */
export const TOPIC_MIN_PARTITIONS: ReadonlyMap<string, number> = new Map([
  [TOPICS.applicationSubmittedV1, 4],
]);

/**
 * Creates the topics that do not exist yet and waits until the broker serves every partition with a leader. A
 * consumer that subscribes to a topic the broker is still creating fails with "This server does not host this
 * topic-partition", so topics are created explicitly before any service subscribes.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  layout: TopicLayout = DEFAULT_TOPIC_LAYOUT,
  /** Told each topic's partition count as the broker serves it (what the wait read anyway). */
  onServed?: (partitionCounts: ReadonlyMap<string, number>) => void,
  minPartitions: ReadonlyMap<string, number> = TOPIC_MIN_PARTITIONS,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // Not kafkajs's waitForLeaders: it gives up at the first UNKNOWN_TOPIC_OR_PARTITION a KRaft broker answers
      // while its metadata cache catches up. awaitServedTopics below waits for that instead.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: layout.partitions,
          replicationFactor: layout.replicationFactor,
        })),
      });
    }
    let served = await awaitServedTopics(admin, topics);
    const short = topics.flatMap((topic) => {
      const least = minPartitions.get(topic) ?? 0;
      return (served.get(topic) ?? 0) < least ? [{ topic, count: least }] : [];
    });
    if (short.length > 0) {
      try {
        await admin.createPartitions({ validateOnly: false, topicPartitions: short });
      } catch (error) {
        // Another service grew it first (all of them ensure the topics they use, at once on a start).
        if (!isKafkaErrorOf(error, ALREADY_GROWN)) throw error;
      }
      // Until the brokers' metadata shows the new partitions: the producer starts with what this wait read.
      served = await awaitServedTopics(
        admin,
        topics,
        new Map(short.map(({ topic, count }) => [topic, count])),
      );
    }
    onServed?.(served);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

const TOPIC_READY_TIMEOUT_MS = 30_000;
const TOPIC_READY_POLL_MS = 200;
const NOT_YET_SERVED = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);
const ALREADY_GROWN = new Set(['INVALID_PARTITIONS']);

/**
 * In KRaft mode `createTopics` can return before the broker's own metadata cache knows the new topic, so a
 * metadata request right after it may still answer UNKNOWN_TOPIC_OR_PARTITION. Poll until every partition has a
 * leader (and a grown topic shows at least `least` partitions), or give up with the topics that never became ready.
 * Answers each topic's partition count.
 */
async function awaitServedTopics(
  admin: Admin,
  topics: readonly string[],
  least: ReadonlyMap<string, number> = new Map(),
): Promise<Map<string, number>> {
  const deadline = Date.now() + TOPIC_READY_TIMEOUT_MS;
  for (;;) {
    try {
      const { topics: served } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const led = served.every(
        (topic) =>
          topic.partitions.length >= Math.max(1, least.get(topic.name) ?? 0) &&
          topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (led && served.length === topics.length)
        return new Map(served.map((topic) => [topic.name, topic.partitions.length]));
    } catch (error) {
      if (!isKafkaErrorOf(error, NOT_YET_SERVED)) throw error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Kafka did not serve topics within ${TOPIC_READY_TIMEOUT_MS} ms: ${topics.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, TOPIC_READY_POLL_MS));
  }
}

/** A cheap round trip to the broker, for health checks. */
export async function describeCluster(kafka: Kafka): Promise<{ brokers: number; controller: number | null }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    return { brokers: cluster.brokers.length, controller: cluster.controller };
  } finally {
    await admin.disconnect();
  }
}
