import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { engineEndpoints } from './engine-endpoints';

export function testKafka(): Kafka {
  return new Kafka({
    clientId: `oneseal-test-${randomUUID().slice(0, 8)}`,
    brokers: engineEndpoints().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
}

/** Every topic a test makes begins so (the integration tier removes them when it ends: test-leftovers.ts). */
export const TEST_TOPIC_PREFIX = 'oneseal.test.';
/** Every consumer group a test makes begins so (removed likewise once it has no members). */
export const TEST_GROUP_PREFIX = 'oneseal-test-';

/**
 * The test run a name belongs to: when it began (base 36 milliseconds) and a few random digits. The integration
 * tier's setup sets it for every suite of the run; a suite run outside a tier has one of its own.
 */
const TEST_RUN_ENV = 'ONESEAL_TEST_RUN';

export function newTestRunTag(now: number = Date.now()): string {
  return `run-${now.toString(36)}-${randomUUID().slice(0, 4)}`;
}

export function testRunTag(): string {
  const tag = process.env[TEST_RUN_ENV] ?? newTestRunTag();
  process.env[TEST_RUN_ENV] = tag;
  return tag;
}

/** Topic names unique to one test, so parallel suites and earlier runs never interfere. */
export function uniqueTopic(label: string): string {
  return `${TEST_TOPIC_PREFIX}${testRunTag()}.${label}.${randomUUID().slice(0, 8)}`;
}

/** A consumer group of its own for one test. */
export function uniqueGroup(label: string): string {
  return `${TEST_GROUP_PREFIX}${testRunTag()}-${label}-${randomUUID().slice(0, 8)}`;
}

export interface CollectedMessage {
  topic: string;
  partition: number;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/**
 * A consumer in its own group that records what arrives on the given topics. `start` resolves only once the
 * group has joined, so nothing produced afterwards can be missed.
 */
export class MessageCollector {
  readonly messages: CollectedMessage[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: readonly string[],
  ) {}

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: uniqueGroup('collector'),
      sessionTimeout: 6000,
      heartbeatInterval: 500,
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) =>
        void this.messages.push(toCollected(topic, partition, message)),
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function toCollected(topic: string, partition: number, message: KafkaMessage): CollectedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = value.toString();
  }
  return {
    topic,
    partition,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? '',
    headers,
  };
}
