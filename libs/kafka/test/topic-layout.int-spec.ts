import { testKafka, uniqueTopic } from '@oneseal/testing';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { ensureTopics } from '../src';

describe('the topics a service creates (real Kafka)', () => {
  const kafka = testKafka();
  const topic = uniqueTopic('layout');
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('have as many partitions as the brokers are configured for, one on a single node', async () => {
    const { brokers } = await admin.describeCluster();
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        {
          type: ConfigResourceTypes.BROKER,
          name: String(brokers[0].nodeId),
          configNames: ['num.partitions'],
        },
      ],
    });
    const configured = Number(
      described.resources[0].configEntries.find((entry) => entry.configName === 'num.partitions')
        ?.configValue,
    );
    expect(configured).toBeGreaterThan(0);
    let served: ReadonlyMap<string, number> | undefined;
    await ensureTopics(kafka, [topic], undefined, (counts) => (served = counts));
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0].partitions).toHaveLength(configured);
    // What the wait read is what the producer starts with (TopicPartitionCounts.remember).
    expect(served && [...served]).toEqual([[topic, configured]]);
    // deploy/local's single node (what `npm start` and CI run): one partition, one member per consumer group.
    if (brokers.length === 1) expect(configured).toBe(1);
  });
});
