import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { pruneMessaging } from '../src';

// The messaging tables of intake's schema, as every service has them.
const SCHEMA = 'intake';
const KEPT = { publishedDays: 1, consumedDays: 30 };

describe('pruneMessaging (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  beforeAll(async () => {
    suite = await openSuiteDataSource('prune-messaging', { schema: SCHEMA, entities: [] });
  });

  afterAll(async () => {
    await suite?.close();
  });

  /** Outbox rows `daysOld` days old, published or not; their ids. */
  const outboxRows = async (count: number, daysOld: number, published: boolean): Promise<string[]> =>
    (
      (await suite.dataSource.query(
        `INSERT INTO ${SCHEMA}.outbox (event_id, topic, message_key, envelope, created_at, published_at)
         SELECT gen_random_uuid(), 'intake.application-submitted.v1', 'case', '{}'::jsonb,
                now() - make_interval(secs => $2::float8 * 86400), CASE WHEN $3 THEN now() - make_interval(secs => $2::float8 * 86400) END
           FROM generate_series(1, $1)
         RETURNING event_id`,
        [count, daysOld, published],
      )) as { event_id: string }[]
    ).map((row) => row.event_id);

  const processedEvents = async (count: number, daysOld: number): Promise<void> => {
    await suite.dataSource.query(
      `INSERT INTO ${SCHEMA}.processed_events (consumer, event_id, topic, processed_at)
       SELECT 'provincial-exchange', gen_random_uuid(), 'routing.case-accepted.v1', now() - make_interval(secs => $2::float8 * 86400)
         FROM generate_series(1, $1)`,
      [count, daysOld],
    );
  };

  const kept = async (table: 'outbox' | 'processed_events') =>
    Number(
      ((await suite.dataSource.query(`SELECT count(*) AS n FROM ${SCHEMA}.${table}`)) as { n: string }[])[0]
        .n,
    );

  beforeEach(async () => {
    await suite.dataSource.query(`DELETE FROM ${SCHEMA}.outbox`);
    await suite.dataSource.query(`DELETE FROM ${SCHEMA}.processed_events`);
  });

  it('deletes what is older than is kept of it, never an event not yet published, and keeps the rest', async () => {
    await outboxRows(3, 2, true);
    const [stuck] = await outboxRows(1, 45, false);
    const recent = await outboxRows(2, 0.5, true);
    // Held up 45 days (Kafka down), published an hour ago: what was sent is kept a day from its sending.
    const [sentLate] = await outboxRows(1, 45, true);
    await suite.dataSource.query(
      `UPDATE ${SCHEMA}.outbox SET published_at = now() - interval '1 hour' WHERE event_id = $1`,
      [sentLate],
    );
    await processedEvents(4, 31);
    // Kept longer than what was published: Kafka may still deliver these again.
    await processedEvents(2, 20);

    expect(await pruneMessaging(suite.dataSource, SCHEMA, KEPT)).toEqual({ outbox: 3, processedEvents: 4 });
    const left = (
      (await suite.dataSource.query(`SELECT event_id FROM ${SCHEMA}.outbox ORDER BY event_id`)) as {
        event_id: string;
      }[]
    ).map((row) => row.event_id);
    expect(left).toEqual([stuck, ...recent, sentLate].sort());
    expect(await kept('processed_events')).toBe(2);
    // Nothing more to do: a second prune deletes nothing.
    expect(await pruneMessaging(suite.dataSource, SCHEMA, KEPT)).toEqual({ outbox: 0, processedEvents: 0 });
  });

  it('goes on past one statement’s worth, and two prunes at once count each row they delete once', async () => {
    await outboxRows(12_345, 40, true);
    await processedEvents(7_000, 40);
    const [first, second] = await Promise.all([
      pruneMessaging(suite.dataSource, SCHEMA, KEPT),
      pruneMessaging(suite.dataSource, SCHEMA, KEPT),
    ]);
    expect(first.outbox + second.outbox).toBe(12_345);
    expect(first.processedEvents + second.processedEvents).toBe(7_000);
    expect(await kept('outbox')).toBe(0);
    expect(await kept('processed_events')).toBe(0);
  });

  it('stops between statements when its service stops, the rest left for the next prune', async () => {
    await outboxRows(12_345, 40, true);
    await processedEvents(100, 40);
    let asked = 0;
    expect(await pruneMessaging(suite.dataSource, SCHEMA, KEPT, () => asked++ < 1)).toEqual({
      outbox: 5_000,
      processedEvents: 0,
    });
    expect(await pruneMessaging(suite.dataSource, SCHEMA, KEPT)).toEqual({
      outbox: 7_345,
      processedEvents: 100,
    });
  });

  // The selections pruneMessaging deletes by, as the planner takes them at some size.
  it('reads only what is old enough: the prune of a table with nothing to delete goes by the age index', async () => {
    await outboxRows(2_000, 0.5, true);
    await processedEvents(2_000, 2);
    await suite.dataSource.query(`ANALYZE ${SCHEMA}.outbox`);
    await suite.dataSource.query(`ANALYZE ${SCHEMA}.processed_events`);
    const plan = async (select: string) =>
      JSON.stringify(await suite.dataSource.query(`EXPLAIN (FORMAT JSON) ${select}`, [30, 5_000]));
    expect(
      await plan(`SELECT seq FROM ${SCHEMA}.outbox WHERE published_at IS NOT NULL
                   AND published_at < now() - make_interval(days => $1) ORDER BY published_at LIMIT $2`),
    ).toContain('outbox_published_by_age');
    expect(
      await plan(`SELECT consumer, event_id FROM ${SCHEMA}.processed_events
                   WHERE processed_at < now() - make_interval(days => $1) ORDER BY processed_at LIMIT $2`),
    ).toContain('processed_events_by_age');
  });
});
