import type { Kafka } from 'kafkajs';
import { TopicPartitionCounts } from './topic-partitions';

/** A client whose admin counts the metadata requests it gets and answers three partitions for any topic. */
function countingKafka() {
  const asked: string[][] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
      asked.push(topics);
      return { topics: topics.map((name) => ({ name, partitions: [{}, {}, {}] })) };
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, asked };
}

describe('TopicPartitionCounts', () => {
  it('asks the brokers only for topics whose counts it was not given', async () => {
    const { kafka, asked } = countingKafka();
    const counts = new TopicPartitionCounts(kafka);
    counts.remember(new Map([['oneseal.a.v1', 1]]));

    const of = await counts.of(['oneseal.a.v1', 'oneseal.b.v1']);

    expect(asked).toEqual([['oneseal.b.v1']]);
    expect([of('oneseal.a.v1'), of('oneseal.b.v1')]).toEqual([1, 3]);
  });

  it('asks again for remembered counts once they are old, keeping the known one meanwhile', async () => {
    const { kafka, asked } = countingKafka();
    let now = 0;
    const counts = new TopicPartitionCounts(kafka, () => now);
    counts.remember(new Map([['oneseal.a.v1', 1]]));
    now = 6 * 60_000;

    const of = await counts.of(['oneseal.a.v1']);

    expect(of('oneseal.a.v1')).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual([['oneseal.a.v1']]);
    expect((await counts.of(['oneseal.a.v1']))('oneseal.a.v1')).toBe(3);
  });

  it('does not remember a topic without partitions', async () => {
    const { kafka, asked } = countingKafka();
    const counts = new TopicPartitionCounts(kafka);
    counts.remember(new Map([['oneseal.a.v1', 0]]));

    await counts.of(['oneseal.a.v1']);

    expect(asked).toEqual([['oneseal.a.v1']]);
  });
});
