import { Partitioners, type Kafka, type PartitionMetadata } from 'kafkajs';

/** How long a topic's partition count is trusted before it is asked for again (kafkajs's own metadata age). */
const COUNT_MAX_AGE_MS = 5 * 60_000;

/** The partition kafkajs's default partitioner puts a keyed message in, given the topic's partition count. */
export function partitionOfKey(topic: string, key: string, partitions: number): number {
  // The partitioner reads only how many partitions there are for a keyed message (murmur2, as Java clients do).
  const partitionMetadata = Array.from({ length: partitions }, () => ({ leader: 0 }) as PartitionMetadata);
  return defaultPartitioner({ topic, partitionMetadata, message: { key, value: null } });
}

const defaultPartitioner = Partitioners.DefaultPartitioner();

/** Where the partition counts of topics come from. */
export interface PartitionCounts {
  of(topics: readonly string[]): Promise<(topic: string) => number>;
  forget(topics: readonly string[]): void;
}

/**
 * The number of partitions of each topic, as the brokers say. A count older than a few minutes is asked for again
 * in the background while the known one is used, so a publish waits for the brokers only for a topic it has never
 * seen (the service's own topics are asked for once at boot).
 */
export class TopicPartitionCounts implements PartitionCounts {
  private readonly counts = new Map<string, { partitions: number; askedAt: number }>();
  private refreshing?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    private readonly now: () => number = Date.now,
  ) {}

  /** The partition counts of `topics`. */
  async of(topics: readonly string[]): Promise<(topic: string) => number> {
    const wanted = [...new Set(topics)];
    const unknown = wanted.filter((topic) => !this.counts.has(topic));
    if (unknown.length > 0) await this.ask(unknown);
    const stale = wanted.filter(
      (topic) => this.now() - (this.counts.get(topic)?.askedAt ?? 0) > COUNT_MAX_AGE_MS,
    );
    if (stale.length > 0 && !this.refreshing) {
      this.refreshing = this.ask(stale)
        .catch(() => undefined) // the known counts stay; asked again on the next publish
        .finally(() => (this.refreshing = undefined));
    }
    return (topic) => {
      const known = this.counts.get(topic);
      if (!known) throw new Error(`Kafka did not describe topic ${topic}`);
      return known.partitions;
    };
  }

  /** Counts the brokers gave just now, elsewhere (the topics' wait at boot): not asked for again until they age. */
  remember(partitionCounts: ReadonlyMap<string, number>): void {
    for (const [topic, partitions] of partitionCounts) {
      if (partitions >= 1) this.counts.set(topic, { partitions, askedAt: this.now() });
    }
  }

  /** Asked again next time: a send failed, and the topic may have changed. */
  forget(topics: readonly string[]): void {
    for (const topic of topics) this.counts.delete(topic);
  }

  private async ask(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      for (const topic of described) {
        if (topic.partitions.length < 1)
          throw new Error(`Kafka described topic ${topic.name} without partitions`);
        this.counts.set(topic.name, { partitions: topic.partitions.length, askedAt: this.now() });
      }
    } finally {
      await admin.disconnect();
    }
  }
}
