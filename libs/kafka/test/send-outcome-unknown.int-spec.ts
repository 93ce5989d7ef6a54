import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import type { OutboxRecord } from '@oneseal/database';
import {
  MessageCollector,
  engineEndpoints,
  eventually,
  testKafka,
  testProducerKeys,
  uniqueTopic,
} from '@oneseal/testing';
import { Kafka, logLevel, type ISocketFactory } from 'kafkajs';
import {
  EVENT_PRODUCER_CONFIG,
  EventProducer,
  RenewedProducers,
  TopicPartitionCounts,
  ensureTopics,
} from '../src';

/** Kafka's request header begins with the request's size (int32), then its API key (int16): Produce is 0. */
const PRODUCE = 0;

/**
 * Connections that can lose the broker's answer to the next Produce request: the request goes out whole, the broker
 * writes it, and the connection is cut before the answer comes back, as a network partition or a broker restarting
 * at that moment does.
 */
function answerLosingSockets(): { factory: ISocketFactory; loseAnswers: (count: number) => void } {
  let toLose = 0;
  const factory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket: Socket = connect({ host, port }, onConnect);
    let deaf = false;
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((data: unknown, ...rest: unknown[]) => {
      if (toLose > 0 && Buffer.isBuffer(data) && data.length >= 6 && data.readInt16BE(4) === PRODUCE) {
        toLose -= 1;
        // Whatever the broker answers from now on never reaches the producer; then the connection is cut.
        deaf = true;
        setTimeout(() => socket.destroy(new Error('connection cut')), 300);
      }
      return write(data, ...rest);
    }) as Socket['write'];
    const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
    socket.emit = ((event: string | symbol, ...args: unknown[]) =>
      event === 'data' && deaf ? true : emit(event, ...args)) as Socket['emit'];
    return socket;
  };
  return { factory, loseAnswers: (count) => (toLose = count) };
}

describe('a send whose answer was lost (real Kafka)', () => {
  const topic = uniqueTopic('send-outcome-unknown');
  const { factory, loseAnswers } = answerLosingSockets();
  const kafka = new Kafka({
    clientId: `oneseal-test-${randomUUID().slice(0, 8)}`,
    brokers: engineEndpoints().kafkaBrokers,
    logLevel: logLevel.NOTHING,
    socketFactory: factory,
  });
  // As the services' producers, but giving up after one retry inside the send (an idempotent producer must retry):
  // the relay's next try is what this is about.
  const producerConfig = { ...EVENT_PRODUCER_CONFIG, retry: { retries: 1, initialRetryTime: 100 } };
  const renewals = new RenewedProducers(() => kafka.producer(producerConfig));
  let collector: MessageCollector;

  beforeAll(async () => {
    await ensureTopics(testKafka(), [topic], { partitions: 1, replicationFactor: 1 });
    collector = new MessageCollector(testKafka(), [topic]);
    await collector.start();
  });

  afterAll(async () => {
    await collector?.stop();
    await renewals.close();
  });

  const outboxRecord = (n: number): OutboxRecord => ({
    topic,
    key: randomUUID(),
    value: JSON.stringify({ n }),
    eventId: randomUUID(),
  });

  it("never counts the next batch published when Kafka takes it for the lost send's duplicate", async () => {
    const eventProducer = new EventProducer(
      await renewals.next(),
      testProducerKeys().signer('intake'),
      new TopicPartitionCounts(kafka),
      renewals,
    );
    const first = outboxRecord(1);
    // The send and its retry (the same numbers: the broker knows it for a duplicate) both lose their answer. Written,
    // but the relay cannot know: its row stays unpublished.
    loseAnswers(2);
    await expect(eventProducer.publish([first])).rejects.toThrow();
    // The next batch is another of the same size (another replica's relay took the first row and published it): the
    // producer gave the lost send's sequence numbers back, so with the same producer the broker would answer "done"
    // for this batch as a duplicate of the first, and write nothing.
    const second = outboxRecord(2);
    await eventProducer.publish([second]);
    const arrived = (record: OutboxRecord) =>
      Promise.resolve(
        collector.messages.some((message) => message.headers['event-id'] === record.eventId)
          ? true
          : undefined,
      );
    // The lost send was written, and so is the next batch.
    await eventually('the event whose answer was lost', () => arrived(first));
    await eventually('the next event published', () => arrived(second), { timeoutMs: 10_000 });
  });
});
