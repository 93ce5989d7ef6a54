import { Controller, Module, type INestApplication } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { HealthIndicatorService } from '@nestjs/terminus';
import {
  consumerLiveness,
  ensureTopics,
  KafkaHealthIndicator,
  kafkaTransportOptions,
  RedeliveryNeeded,
} from '@oneseal/kafka';
import { engineEndpoints, eventually, testKafka, uniqueGroup, uniqueTopic } from '@oneseal/testing';
import { configureServiceApp, watchEventConsumers } from '../src';

const topic = `${uniqueTopic('redelivery')}.v1`;

/** Fails the first deliveries of each event the way a service's consumer edge does, then takes it. */
@Controller()
class FailingConsumer {
  static readonly deliveries: string[] = [];

  @EventPattern(topic)
  handle(@Payload() value: { id: string }) {
    FailingConsumer.deliveries.push(value.id);
    // What no handler may do (the consumer edge wraps every failure): hand kafkajs a TypeError, which stops it.
    if (value.id === 'unwrapped') throw new TypeError('Cannot read properties of undefined');
    const attempt = FailingConsumer.deliveries.filter((id) => id === value.id).length;
    // A bug's TypeError, then the database refusing connections: both as the edge hands them on.
    if (attempt === 1) throw new RedeliveryNeeded(new TypeError('Cannot read properties of undefined'));
    if (attempt === 2) {
      throw new RedeliveryNeeded(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), { code: 'ECONNREFUSED' }),
      );
    }
  }
}

@Module({ controllers: [FailingConsumer] })
class ConsumerModule {}

/**
 * A service's Kafka handlers run under the same global filter as its HTTP routes. An event whose handling failed
 * must come back (and the consumer stay alive for the next one), never end in the filter answering an HTTP request
 * that does not exist — which stopped a consumer for good the first time PostgreSQL went away under load.
 */
describe('an event whose handling failed is delivered again, and the consumer carries on', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const kafka = testKafka();
    await ensureTopics(kafka, [topic]);
    const moduleRef = await Test.createTestingModule({ imports: [ConsumerModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureServiceApp(app);
    app.connectMicroservice(
      kafkaTransportOptions({
        clientId: 'oneseal-redelivery-test',
        brokers: engineEndpoints().kafkaBrokers,
        groupId: uniqueGroup('redelivery'),
      }),
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
    watchEventConsumers(app);
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('retries a failed event until it is taken, then takes the next', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: 'a', value: JSON.stringify({ id: 'first' }) }] });
      await eventually(
        'the first event taken on its third delivery',
        async () => (FailingConsumer.deliveries.length >= 3 ? true : undefined),
        { timeoutMs: 45_000 },
      );
      await producer.send({ topic, messages: [{ key: 'a', value: JSON.stringify({ id: 'second' }) }] });
      await eventually(
        'the second event delivered to the same consumer',
        async () => (FailingConsumer.deliveries.includes('second') ? true : undefined),
        { timeoutMs: 45_000 },
      );
    } finally {
      await producer.disconnect();
    }
    // Taken on its third delivery (Kafka may deliver it once more before the taking is committed: at least once).
    expect(FailingConsumer.deliveries.slice(0, 3)).toEqual(['first', 'first', 'first']);
    expect(consumerLiveness.stopped).toBeUndefined();
  }, 100_000);

  it('reports a consumer kafkajs has given up on, so /health says the service is down', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: 'a', value: JSON.stringify({ id: 'unwrapped' }) }] });
    } finally {
      await producer.disconnect();
    }
    await eventually('the consumer reported stopped', async () => consumerLiveness.stopped, {
      timeoutMs: 45_000,
    });
    expect(consumerLiveness.stopped).toContain('Cannot read properties of undefined');
    // What /health reports of Kafka, although the brokers themselves answer.
    const kafkaHealth = await new KafkaHealthIndicator(testKafka(), new HealthIndicatorService()).check();
    expect(kafkaHealth).toEqual({
      kafka: { status: 'down', message: expect.stringContaining('event consumer stopped') },
    });
  }, 60_000);
});
