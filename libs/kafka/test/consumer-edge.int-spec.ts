import { randomUUID } from 'node:crypto';
import { TOPICS, reviewTaskOpenedV1 } from '@oneseal/contracts';
import {
  MessageCollector,
  caseEnvelope,
  eventually,
  testKafka,
  testProducerKeys,
  uniqueGroup,
  uniqueTopic,
} from '@oneseal/testing';
import type { Producer } from 'kafkajs';
import {
  ConsumerEdge,
  MAX_DELIVERY_ATTEMPTS,
  PermanentFailure,
  ensureTopics,
  type DeadLetter,
  type ReceivedMessage,
} from '../src';

function taskOpenedEvent() {
  const caseId = randomUUID();
  return caseEnvelope(
    caseId,
    'approval.review-task-opened',
    {
      caseId,
      taskId: randomUUID(),
      stepName: '受理',
      level: 'town',
      unitCode: '140521100-window',
      openedAt: new Date().toISOString(),
    },
    { county: '140521', town: '140521100', actor: { kind: 'service', id: 'approval' } },
  );
}

describe('consumer edge (real Kafka dead-letter topic)', () => {
  const kafka = testKafka();
  const consumerName = `test-consumer-${randomUUID().slice(0, 8)}`;
  // A topic of the suite's own: the platform's dead-letter topic is read by a running audit service, whose 死信消息
  // screen would list the letters this suite makes on purpose.
  const deadLetterTopic = `${uniqueTopic('dead-letter')}.v1`;
  let producer: Producer;
  let deadLetters: MessageCollector;
  let edge: ConsumerEdge;
  let offset = 0;

  const received = (value: unknown): ReceivedMessage => ({
    topic: TOPICS.reviewTaskOpenedV1,
    partition: 0,
    offset: String(offset++),
    key: 'k',
    value,
  });
  const ourLetters = () =>
    deadLetters.messages
      .map((m) => JSON.parse(m.value) as DeadLetter)
      .filter((letter) => letter.consumer === consumerName);

  beforeAll(async () => {
    await ensureTopics(kafka, [deadLetterTopic]);
    producer = kafka.producer();
    await producer.connect();
    deadLetters = new MessageCollector(kafka, [deadLetterTopic]);
    await deadLetters.start();
    edge = new ConsumerEdge(consumerName, producer, { warn: () => undefined }, { deadLetterTopic });
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await producer?.disconnect();
  });

  it('hands a valid event to the handler, typed', async () => {
    const event = taskOpenedEvent();
    const handled: string[] = [];
    const outcome = await edge.consume(reviewTaskOpenedV1, received(event), async (parsed) =>
      handled.push(parsed.payload.stepName),
    );
    expect(outcome).toBe('handled');
    expect(handled).toEqual(['受理']);
  });

  it('dead-letters a message that violates its contract, with every issue, without calling the handler', async () => {
    const handler = jest.fn();
    const broken = { ...taskOpenedEvent(), county: 'x', payload: { caseId: 'nope' } };
    const outcome = await edge.consume(reviewTaskOpenedV1, received(broken), handler);
    expect(outcome).toBe('dead-lettered');
    expect(handler).not.toHaveBeenCalled();
    const [letter] = await eventually('the dead letter', async () =>
      ourLetters().length >= 1 ? ourLetters() : undefined,
    );
    expect(letter.reason).toBe('contract-violation');
    expect(letter.originalTopic).toBe(TOPICS.reviewTaskOpenedV1);
    expect(letter.issues).toEqual(
      expect.arrayContaining([expect.stringMatching(/^county:/), expect.stringMatching(/^payload\.taskId:/)]),
    );
    expect(letter.value).toEqual(broken);
  });

  it('dead-letters an event the handler can never process, and rethrows a transient failure for redelivery', async () => {
    const event = taskOpenedEvent();
    await expect(
      edge.consume(reviewTaskOpenedV1, received(event), async () => {
        throw new PermanentFailure('该办件不存在');
      }),
    ).resolves.toBe('dead-lettered');
    await expect(
      edge.consume(reviewTaskOpenedV1, received(taskOpenedEvent()), async () => {
        throw new Error('database unavailable');
      }),
    ).rejects.toThrow('database unavailable');

    const letters = await eventually('the permanent-failure letter', async () => {
      const found = ourLetters().filter((letter) => letter.reason === 'permanent-failure');
      return found.length ? found : undefined;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0].issues).toEqual(['该办件不存在']);
    expect((letters[0].value as { id: string }).id).toBe(event.id);
  });

  it('parks a message with a new producer after a dead-letter send failed, never with the one that failed', async () => {
    const failing = kafka.producer();
    await failing.connect();
    const send = jest.spyOn(failing, 'send').mockRejectedValueOnce(new Error('Connection closed'));
    const renewed: Producer[] = [];
    const renewing = new ConsumerEdge(
      consumerName,
      failing,
      { warn: () => undefined },
      {
        deadLetterTopic,
        renewal: {
          next: async () => {
            const next = kafka.producer();
            await next.connect();
            renewed.push(next);
            return next;
          },
        },
      },
    );
    try {
      const poison = received({ ...taskOpenedEvent(), county: 'renewal' });
      // The send fails: the message is to be delivered again, and the edge takes a new producer before its next send.
      await expect(renewing.consume(reviewTaskOpenedV1, poison, jest.fn())).rejects.toThrow(
        'Connection closed',
      );
      await expect(renewing.consume(reviewTaskOpenedV1, poison, jest.fn())).resolves.toBe('dead-lettered');
      expect([send.mock.calls.length, renewed.length]).toEqual([1, 1]);
      await eventually('the letter sent with the new producer', async () =>
        ourLetters().some((letter) => (letter.value as { county?: string }).county === 'renewal')
          ? true
          : undefined,
      );
    } finally {
      await failing.disconnect();
      await Promise.all(renewed.map((next) => next.disconnect()));
    }
  });

  it('parks an event its contract’s producer did not sign, unhandled, and keeps the proof of one it did', async () => {
    const checking = new ConsumerEdge(
      consumerName,
      producer,
      { warn: () => undefined },
      { verifier: testProducerKeys().verifier(), deadLetterTopic },
    );
    const handler = jest.fn(async () => undefined);
    const event = taskOpenedEvent();
    const signed = (as: 'approval' | 'intake') => ({
      ...received(event),
      headers: testProducerKeys().signer(as).headersFor(JSON.stringify(event)),
    });

    await expect(checking.consume(reviewTaskOpenedV1, received(event), handler)).resolves.toBe(
      'dead-lettered',
    );
    await expect(checking.consume(reviewTaskOpenedV1, signed('intake'), handler)).resolves.toBe(
      'dead-lettered',
    );
    const altered = { ...signed('approval'), value: { ...event, county: '140525' } };
    await expect(checking.consume(reviewTaskOpenedV1, altered, handler)).resolves.toBe('dead-lettered');
    expect(handler).not.toHaveBeenCalled();
    await expect(checking.consume(reviewTaskOpenedV1, signed('approval'), handler)).resolves.toBe('handled');
    expect(handler).toHaveBeenCalledTimes(1);

    const letters = await eventually('three unverified-producer letters', async () => {
      const found = ourLetters().filter((letter) => letter.reason === 'unverified-producer');
      return found.length >= 3 ? found : undefined;
    });
    expect(letters.map((letter) => letter.issues[0])).toEqual([
      'unsigned: no oneseal-producer signature',
      'approval.review-task-opened is published by approval, not intake',
      'signature of approval does not verify',
    ]);
    // A parked message keeps its producer's headers, so sending it back later still proves where it came from.
    expect(letters[1].headers?.['oneseal-producer']).toBe('intake');
  });

  it('parks a poison message after its attempts run out, but keeps retrying while an engine is down', async () => {
    const poison = received(taskOpenedEvent());
    const fail = async () => {
      throw new TypeError('Cannot read properties of undefined');
    };
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      // Never a TypeError towards kafkajs, which would stop the consumer for good.
      await expect(edge.consume(reviewTaskOpenedV1, poison, fail)).rejects.toMatchObject({
        name: 'RedeliveryNeeded',
        retriable: true,
        message: 'TypeError: Cannot read properties of undefined',
      });
    }
    await expect(edge.consume(reviewTaskOpenedV1, poison, fail)).resolves.toBe('dead-lettered');

    // The database refusing connections is not the message's fault: it is redelivered however long that lasts.
    const waiting = received(taskOpenedEvent());
    const down = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), { code: 'ECONNREFUSED' });
    };
    for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS * 2; attempt += 1) {
      await expect(edge.consume(reviewTaskOpenedV1, waiting, down)).rejects.toThrow('ECONNREFUSED');
    }
    const letters = await eventually('the retries-exhausted letter', async () => {
      const found = ourLetters().filter((letter) => letter.reason === 'retries-exhausted');
      return found.length ? found : undefined;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0].offset).toBe(poison.offset);
    expect(letters[0].issues[0]).toContain(`failed ${MAX_DELIVERY_ATTEMPTS} times; last: TypeError`);
  });

  it('commits what it handled within a second, and a consumer that crashed before committing has it delivered again', async () => {
    const topic = `${uniqueTopic('commits')}.v1`;
    const groupId = uniqueGroup('commits');
    await ensureTopics(kafka, [topic]);
    // One key: one partition, in order.
    const publish = async (count: number) => {
      const events = Array.from({ length: count }, () => taskOpenedEvent());
      await producer.send({
        topic,
        messages: events.map((event) => ({ key: 'one-case', value: JSON.stringify(event) })),
      });
      return events.map((event) => event.id);
    };
    const admin = kafka.admin();
    await admin.connect();
    const committed = async () => {
      const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return partitions.reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
    };
    const consumeWith = async (commitIntervalMs: number) => {
      const seen: string[] = [];
      const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
      const consumerEdge = new ConsumerEdge(
        consumerName,
        producer,
        { warn: () => undefined },
        {
          deadLetterTopic,
          commitIntervalMs,
        },
      );
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          await consumerEdge.consume(
            reviewTaskOpenedV1,
            {
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: JSON.parse(String(message.value)) as unknown,
              commits: consumer,
            },
            async (event) => seen.push(event.id),
          );
        },
      });
      return { seen, consumer, consumerEdge };
    };
    try {
      const first = await publish(4);
      const a = await consumeWith(1_000);
      await eventually('the four events handled', async () => (a.seen.length === 4 ? true : undefined));
      expect(a.seen).toEqual(first);
      // Committed by the edge within its second, without kafkajs committing anything itself.
      await eventually('four offsets committed', async () => ((await committed()) === 4 ? true : undefined), {
        timeoutMs: 5_000,
      });
      await a.consumer.disconnect();

      // The next member of the group starts after them; it crashes before its commit is due.
      const second = await publish(2);
      const b = await consumeWith(60_000);
      await eventually('the two new events handled', async () => (b.seen.length === 2 ? true : undefined));
      expect(b.seen).toEqual(second);
      await b.consumer.disconnect();
      expect(await committed()).toBe(4);

      // What it handled but never committed is delivered again — and nothing before it.
      const c = await consumeWith(1_000);
      await eventually('the two delivered again', async () => (c.seen.length === 2 ? true : undefined));
      await c.consumerEdge.onModuleDestroy();
      expect(c.seen).toEqual(second);
      expect(await committed()).toBe(6);
      await c.consumer.disconnect();
    } finally {
      await admin.disconnect();
    }
  });
});
