#!/usr/bin/env node
// Kafka readiness as the services see it: the project's own client (kafkajs) lists topics, then creates,
// describes and deletes a throwaway topic. An open port or an ApiVersions answer is not enough: a broker
// whose controller has not settled still fails CreateTopics and leader lookups.
// Usage: node kafka-ready.js 127.0.0.1:9092   (exit 0 when ready; the reason on stderr otherwise)
const { Kafka, logLevel } = require('kafkajs');

const brokers = (process.argv[2] ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
// Unique per run: re-creating a name just deleted can race the deletion.
const topic = `oneseal-engines-ready-${process.pid}-${Date.now()}`;

async function probe() {
  const kafka = new Kafka({
    clientId: 'oneseal-engines-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    // The calling shell loop retries until its deadline; one attempt here keeps each probe short.
    retry: { retries: 1 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.listTopics();
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      // Not waitForLeaders: a KRaft broker may answer "does not host this topic-partition" while its metadata
      // cache catches up (three nodes make it likely); the loop below waits for the leader instead.
      waitForLeaders: false,
      timeout: 10000,
    });
    if (!created) throw new Error(`topic ${topic} already existed`);
    const deadline = Date.now() + 10000;
    for (;;) {
      const leader = await admin
        .fetchTopicMetadata({ topics: [topic] })
        .then(({ topics }) => topics[0]?.partitions[0]?.leader ?? -1)
        .catch(() => -1);
      if (leader >= 0) break;
      if (Date.now() > deadline) throw new Error(`topic ${topic} has no leader`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await admin.deleteTopics({ topics: [topic], timeout: 10000 });
  } finally {
    await admin.disconnect();
  }
}

probe().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`kafka not ready: ${error.message}\n`);
    process.exit(1);
  },
);
