import { testKafka, uniqueTopic } from '@oneseal/testing';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { TOPICS } from '@oneseal/contracts';
import { TOPIC_MIN_PARTITIONS, ensureTopics } from '../src';

describe('the topics a service creates (real Kafka)', () => {
  const kafka = testKafka();
  const topic = uniqueTopic('layout');
  const slowTopic = uniqueTopic('layout-slow');
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.deleteTopics({ topics: [topic, slowTopic] }).catch(() => undefined);
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

  it('give a topic whose consumer is slow its least partitions, grown on a start if it had fewer', async () => {
    // Submissions: routing starts a workflow for each, so their topic takes them four at a time.
    expect(TOPIC_MIN_PARTITIONS.get(TOPICS.applicationSubmittedV1)).toBe(4);
    const partitionsOf = async () =>
      (await admin.fetchTopicMetadata({ topics: [slowTopic] })).topics[0].partitions.length;
    // Created before it had a least count, as on a machine set up by an earlier version.
    await ensureTopics(kafka, [slowTopic], undefined, undefined, new Map());
    const before = await partitionsOf();
    const least = before + 2;
    let served: ReadonlyMap<string, number> | undefined;
    // Two services starting at once: both find it short, one grows it, the other finds it grown.
    await Promise.all([
      ensureTopics(
        kafka,
        [slowTopic],
        undefined,
        (counts) => (served = counts),
        new Map([[slowTopic, least]]),
      ),
      ensureTopics(kafka, [slowTopic], undefined, undefined, new Map([[slowTopic, least]])),
    ]);
    expect(await partitionsOf()).toBe(least);
    expect(served?.get(slowTopic)).toBe(least);
    // Never shrunk, nor grown again.
    await ensureTopics(kafka, [slowTopic], undefined, undefined, new Map([[slowTopic, 1]]));
    expect(await partitionsOf()).toBe(least);
  });
});
