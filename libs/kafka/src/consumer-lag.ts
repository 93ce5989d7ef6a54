import type { Admin, Kafka } from 'kafkajs';
import { Gauge, register } from 'prom-client';

/**
 * How far a consumer group is behind, per topic, on /metrics (oneseal_consumer_lag): the newest offset of each
 * partition less the one the group committed, summed. Read from the brokers when Prometheus scrapes.
 */
export function watchConsumerLag(kafka: Kafka, groupId: string, topics: readonly string[]): void {
  if (register.getSingleMetric('oneseal_consumer_lag')) return;
  let admin: Promise<Admin> | undefined;
  const connected = () =>
    (admin ??= (async () => {
      const client = kafka.admin();
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      admin = undefined;
      throw error;
    }));
  new Gauge({
    name: 'oneseal_consumer_lag',
    help: 'Messages a consumer group has still to read, by topic',
    labelNames: ['group', 'topic'] as const,
    async collect() {
      this.reset();
      try {
        const client = await connected();
        const committed = await client.fetchOffsets({ groupId, topics: [...topics] });
        // One round trip per topic, all at once (the audit service reads every topic).
        const newestByTopic = await Promise.all(
          committed.map(({ topic }) => client.fetchTopicOffsets(topic)),
        );
        for (const [index, { topic, partitions }] of committed.entries()) {
          const newest = newestByTopic[index];
          const lag = partitions.reduce((sum, { partition, offset }) => {
            const high = Number(newest.find((candidate) => candidate.partition === partition)?.high ?? 0);
            // -1: the group never committed on this partition: everything there is still to read.
            const done = Number(offset) < 0 ? 0 : Number(offset);
            return sum + Math.max(0, high - done);
          }, 0);
          this.set({ group: groupId, topic }, lag);
        }
      } catch {
        // Kafka being down shows in /health; the scrape goes on without this series.
      }
    },
  });
}
