import type { Kafka } from 'kafkajs';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

export const DEFAULT_TOPIC_LAYOUT: TopicLayout = { partitions: 3, replicationFactor: 1 };

/**
 * Creates the topics that do not exist yet and waits for their leaders. A consumer that subscribes to a topic
 * the broker is still creating fails with "This server does not host this topic-partition", so topics are
 * created explicitly before any service subscribes.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  layout: TopicLayout = DEFAULT_TOPIC_LAYOUT,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: layout.partitions,
          replicationFactor: layout.replicationFactor,
        })),
      });
    }
    await admin.fetchTopicMetadata({ topics: [...topics] });
    return missing;
  } finally {
    await admin.disconnect();
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
