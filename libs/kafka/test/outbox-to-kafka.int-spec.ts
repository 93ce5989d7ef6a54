import { randomUUID } from 'node:crypto';
import { applicationSubmittedV1, reviewTaskOpenedV1 } from '@oneseal/contracts';
import { OutboxRelay } from '@oneseal/database';
import {
  MessageCollector,
  eventually,
  openSuiteDataSource,
  testKafka,
  testProducerKeys,
  uniqueTopic,
  type SuiteDataSource,
} from '@oneseal/testing';
import type { Producer } from 'kafkajs';
import { EVENT_PRODUCER_CONFIG, EventProducer, TopicPartitionCounts, ensureTopics } from '../src';

// The relay is exercised on the intake schema's outbox, as the intake service uses it, but with a topic of its
// own so no running service ever consumes these test events.
const SCHEMA = 'intake';

describe('transactional outbox relayed to Kafka (real PostgreSQL and Kafka)', () => {
  const kafka = testKafka();
  const topic = uniqueTopic('outbox');
  let suite: SuiteDataSource;
  let producer: Producer;
  let collector: MessageCollector;
  let relay: OutboxRelay;

  beforeAll(async () => {
    suite = await openSuiteDataSource('outbox', { schema: SCHEMA, entities: [] });
    await ensureTopics(kafka, [topic], { partitions: 1, replicationFactor: 1 });
    producer = kafka.producer({ ...EVENT_PRODUCER_CONFIG });
    await producer.connect();
    collector = new MessageCollector(kafka, [topic]);
    await collector.start();
    relay = new OutboxRelay({
      databaseUrl: suite.database.url,
      schema: SCHEMA,
      sink: new EventProducer(producer, testProducerKeys().signer('intake'), new TopicPartitionCounts(kafka)),
      logger: { warn: () => undefined },
      // A long poll interval: delivery in this test has to come from the LISTEN/NOTIFY wake-up.
      pollIntervalMs: 60_000,
    });
    await relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await collector?.stop();
    await producer?.disconnect();
    await suite?.close();
  });

  async function insertOutboxRow(
    manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
    caseId: string,
    n: number,
  ) {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO ${SCHEMA}.outbox (event_id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)`,
      [id, topic, caseId, JSON.stringify({ id, n })],
    );
    return id;
  }

  /** How many of these events wait to be marked published. */
  const pendingOf = async (ids: string[]) =>
    (
      (await suite.dataSource.query(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE event_id = ANY($1) AND published_at IS NULL`,
        [ids],
      )) as [{ n: number }]
    )[0].n;

  it('publishes committed events in commit order, keyed by case, and marks them published', async () => {
    const caseId = randomUUID();
    const ids = await suite.dataSource.transaction(async (manager) => [
      await insertOutboxRow(manager, caseId, 1),
      await insertOutboxRow(manager, caseId, 2),
      await insertOutboxRow(manager, caseId, 3),
    ]);

    const received = await eventually('three events on Kafka', async () =>
      collector.messages.length >= 3 ? collector.messages : undefined,
    );
    expect(received.map((m) => JSON.parse(m.value).n)).toEqual([1, 2, 3]);
    expect(received.every((m) => m.key === caseId)).toBe(true);
    expect(received.map((m) => m.headers['event-id'])).toEqual(ids);
    // Each leaves signed as intake's: a consumer checking producers accepts it as intake's and as nobody else's.
    expect(received.every((m) => m.headers['oneseal-producer'] === 'intake')).toBe(true);
    const verifier = testProducerKeys().verifier();
    expect(
      verifier.check(applicationSubmittedV1, JSON.parse(received[0].value), received[0].headers),
    ).toEqual({
      verified: true,
    });
    expect(verifier.check(reviewTaskOpenedV1, JSON.parse(received[0].value), received[0].headers)).toEqual({
      verified: false,
      reason: 'approval.review-task-opened is published by approval, not intake',
    });

    const unpublished = await eventually('rows marked published', async () => {
      const rows = (await suite.dataSource.query(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE topic = $1 AND published_at IS NULL`,
        [topic],
      )) as [{ n: number }];
      return rows[0].n === 0 ? rows[0].n : undefined;
    });
    expect(unpublished).toBe(0);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    const before = collector.messages.length;
    await expect(
      suite.dataSource.transaction(async (manager) => {
        await insertOutboxRow(manager, randomUUID(), 99);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const marker = await suite.dataSource.transaction((manager) =>
      insertOutboxRow(manager, randomUUID(), 100),
    );

    await eventually('the marker event', async () =>
      collector.messages.some((m) => m.headers['event-id'] === marker) ? true : undefined,
    );
    const after = collector.messages.slice(before).map((m) => JSON.parse(m.value).n);
    expect(after).toEqual([100]);
  });

  it('lets one of two replicas publish at a time: every event once, each transaction’s in order; the other takes over when it stops', async () => {
    const second = new OutboxRelay({
      databaseUrl: suite.database.url,
      schema: SCHEMA,
      sink: new EventProducer(producer, testProducerKeys().signer('intake'), new TopicPartitionCounts(kafka)),
      logger: { warn: () => undefined },
      pollIntervalMs: 200,
    });
    await second.start();
    const before = collector.messages.length;
    const caseId = randomUUID();
    // Ten transactions committing at once, three events each; both relays are woken by each.
    const committed = await Promise.all(
      Array.from({ length: 10 }, (_, t) =>
        suite.dataSource.transaction(async (manager) => {
          const ids = [];
          for (let i = 0; i < 3; i += 1) ids.push(await insertOutboxRow(manager, caseId, t * 3 + i));
          return ids;
        }),
      ),
    );
    const published = await eventually('thirty events on Kafka', async () => {
      const mine = collector.messages.slice(before).filter((m) => m.key === caseId);
      return mine.length >= 30 ? mine : undefined;
    });
    // Once each, and each transaction's events in the order it wrote them (transactions committing at the same
    // moment have no order between them).
    const ids = published.map((m) => m.headers['event-id']);
    expect(ids.sort()).toEqual(committed.flat().sort());
    const position = new Map(published.map((m, i) => [m.headers['event-id'], i]));
    for (const written of committed) {
      const at = written.map((id) => position.get(id) as number);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }

    // The relay that leads stops (as a replica does when it is replaced): the other publishes what comes next.
    await relay.stop();
    const after = await suite.dataSource.transaction((manager) => insertOutboxRow(manager, caseId, 31));
    await eventually('the event after the first relay stopped', async () =>
      collector.messages.some((m) => m.headers['event-id'] === after) ? true : undefined,
    );
    await second.stop();
    await relay.start();
  });

  it('marks a batch with the read of the next one, and its last batch when it stops: the next leader does not publish it again', async () => {
    const patient = new OutboxRelay({
      databaseUrl: suite.database.url,
      schema: SCHEMA,
      sink: new EventProducer(producer, testProducerKeys().signer('intake'), new TopicPartitionCounts(kafka)),
      logger: { warn: () => undefined },
      pollIntervalMs: 60_000,
      markAfterMs: 60_000,
    });
    await relay.stop();
    let restarted = false;
    try {
      const first = await suite.dataSource.transaction((manager) =>
        insertOutboxRow(manager, randomUUID(), 41),
      );
      await patient.publishBatch();
      // Published, and marked only by the next read.
      expect(await pendingOf([first])).toBe(1);
      const second = await suite.dataSource.transaction((manager) =>
        insertOutboxRow(manager, randomUUID(), 42),
      );
      await patient.publishBatch();
      expect(await pendingOf([first, second])).toBe(1);
      await patient.stop();
      expect(await pendingOf([first, second])).toBe(0);
      // The relay that leads next publishes only what came after (one partition: anything again would come first).
      await relay.start();
      restarted = true;
      const after = await suite.dataSource.transaction((manager) =>
        insertOutboxRow(manager, randomUUID(), 43),
      );
      await eventually('the event after', async () =>
        collector.messages.some((m) => m.headers['event-id'] === after) ? true : undefined,
      );
      const published = collector.messages
        .map((m) => m.headers['event-id'])
        .filter((id) => ([first, second, after] as string[]).includes(id));
      expect(published).toEqual([first, second, after]);
    } finally {
      await patient.stop();
      if (!restarted) await relay.start();
    }
  });

  it('marks what it published a moment later with nothing else waking it, after a restart too', async () => {
    const onKafka = (id: string) =>
      eventually(`event ${id} on Kafka`, async () =>
        collector.messages.some((m) => m.headers['event-id'] === id) ? true : undefined,
      );
    // Its poll interval is a minute: within the test only its own mark timer (two seconds) marks a batch.
    const restarted = new OutboxRelay({
      databaseUrl: suite.database.url,
      schema: SCHEMA,
      sink: new EventProducer(producer, testProducerKeys().signer('intake'), new TopicPartitionCounts(kafka)),
      logger: { warn: () => undefined },
      pollIntervalMs: 60_000,
      markAfterMs: 2_000,
    });
    await relay.stop();
    try {
      await restarted.start();
      // Its first look has ended: the next one is the one the event's notification starts.
      await restarted.wake();
      const first = await suite.dataSource.transaction((manager) =>
        insertOutboxRow(manager, randomUUID(), 51),
      );
      await onKafka(first);
      // Stopped while its batch waits to be marked: marked on stopping.
      await restarted.stop();
      expect(await pendingOf([first])).toBe(0);
      await restarted.start();
      await restarted.wake();
      const second = await suite.dataSource.transaction((manager) =>
        insertOutboxRow(manager, randomUUID(), 52),
      );
      await onKafka(second);
      await eventually(
        'the event marked published',
        async () => ((await pendingOf([second])) === 0 ? true : undefined),
        {
          timeoutMs: 10_000,
        },
      );
    } finally {
      await restarted.stop();
      await relay.start();
    }
  });

  it('keeps events that could not be published and publishes them once Kafka takes them', async () => {
    const failing = new OutboxRelay({
      databaseUrl: suite.database.url,
      schema: SCHEMA,
      sink: { publish: async () => Promise.reject(new Error('broker unavailable')) },
      logger: { warn: () => undefined },
    });
    await relay.stop();
    const id = await suite.dataSource.transaction((manager) => insertOutboxRow(manager, randomUUID(), 7));
    await expect(failing.publishBatch()).rejects.toThrow('broker unavailable');
    const [{ pending }] = (await suite.dataSource.query(
      `SELECT count(*)::int AS pending FROM ${SCHEMA}.outbox WHERE event_id = $1 AND published_at IS NULL`,
      [id],
    )) as [{ pending: number }];
    expect(pending).toBe(1);

    // The relay Kafka failed let go of the lock, though it lives on: another relay publishes meanwhile.
    await relay.start();
    await eventually('the kept event', async () =>
      collector.messages.some((m) => m.headers['event-id'] === id) ? true : undefined,
    );
    await failing.stop();
  });
});
