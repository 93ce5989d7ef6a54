import { randomUUID } from 'node:crypto';
import {
  applicationSubmittedV1,
  caseAcceptedV1,
  type ApplicationSubmittedV1,
  type CaseAcceptedV1,
} from '@oneseal/contracts';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import {
  changeAndEnqueueEvent,
  enqueueEvent,
  enqueueForRows,
  isoTimestampOf,
  processOnceAndEnqueue,
} from '../src';

// The outbox of intake's schema, as the intake service writes it.
const SCHEMA = 'intake';

describe('enqueueEvent (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  beforeAll(async () => {
    suite = await openSuiteDataSource('outbox-writer', { schema: SCHEMA, entities: [] });
  });

  afterAll(async () => {
    await suite?.close();
  });

  const outboxCount = async () =>
    Number(
      ((await suite.dataSource.query(`SELECT count(*) AS n FROM ${SCHEMA}.outbox`)) as { n: string }[])[0].n,
    );

  const accepted = (): CaseAcceptedV1 => ({
    caseId: randomUUID(),
    receiptNumber: '140525-20261204-000001',
    matterCode: 'ZZ-T-002',
    matterVersion: 1,
    acceptedAt: new Date().toISOString(),
    committedDueDate: '2026-12-18',
    dueDateProvisional: false,
  });

  const event = <T extends object>(payload: T) => ({
    subject: randomUUID(),
    county: '140525',
    town: '140525100',
    actor: { kind: 'service' as const, id: 'test' },
    correlationId: randomUUID(),
    payload,
  });

  it('refuses an event another service is named after, and writes nothing', async () => {
    const before = await outboxCount();
    await expect(
      suite.dataSource.transaction((manager) =>
        enqueueEvent(manager, SCHEMA, caseAcceptedV1, event(accepted())),
      ),
    ).rejects.toThrow('the intake service does not publish routing.case-accepted');
    expect(await outboxCount()).toBe(before);
  });

  it('records its own event with the contract’s current topic and type', async () => {
    const before = await outboxCount();
    const envelope = await suite.dataSource.transaction((manager) =>
      enqueueEvent(
        manager,
        SCHEMA,
        applicationSubmittedV1,
        // The outbox does not validate payloads (consumers do); the shape here is beside the point.
        event({ caseId: randomUUID() } as unknown as ApplicationSubmittedV1),
      ),
    );
    expect(await outboxCount()).toBe(before + 1);
    const [row] = (await suite.dataSource.query(
      `SELECT topic, envelope FROM ${SCHEMA}.outbox WHERE event_id = $1`,
      [envelope.id],
    )) as { topic: string; envelope: { type: string } }[];
    expect(row.topic).toBe('oneseal.intake.application-submitted.v1');
    expect(row.envelope.type).toBe('intake.application-submitted');
  });

  it('refuses to write outside a transaction: the event must commit with the change it announces', async () => {
    await expect(
      enqueueEvent(suite.dataSource.manager, SCHEMA, applicationSubmittedV1, event({} as never)),
    ).rejects.toThrow('inside a transaction');
  });

  describe('a change and its event in one statement', () => {
    // A row of intake's own to change: the pull cursor of a county.
    const cursorChange = (county: string) => ({
      sql: `UPDATE ${SCHEMA}.provincial_pull_cursors SET pulled_at = now() WHERE county = $1 RETURNING county`,
      params: [county],
    });
    const submitted = () => event({ caseId: randomUUID() } as unknown as ApplicationSubmittedV1);

    it('records the event when the change touched a row, and nothing when it touched none', async () => {
      await suite.dataSource.query(
        `INSERT INTO ${SCHEMA}.provincial_pull_cursors (county) VALUES ('140525') ON CONFLICT DO NOTHING`,
      );
      const before = await outboxCount();
      const envelope = await changeAndEnqueueEvent(
        suite.dataSource,
        SCHEMA,
        applicationSubmittedV1,
        cursorChange('140525'),
        submitted(),
      );
      expect(envelope?.type).toBe('intake.application-submitted');
      const [row] = (await suite.dataSource.query(`SELECT topic FROM ${SCHEMA}.outbox WHERE event_id = $1`, [
        envelope?.id,
      ])) as { topic: string }[];
      expect(row.topic).toBe('oneseal.intake.application-submitted.v1');

      await expect(
        changeAndEnqueueEvent(
          suite.dataSource,
          SCHEMA,
          applicationSubmittedV1,
          cursorChange('999999'),
          submitted(),
        ),
      ).resolves.toBeUndefined();
      expect(await outboxCount()).toBe(before + 1);
    });

    it('fills the payload fields the changed row gives, beside those given, a timestamp as toISOString writes it', async () => {
      await suite.dataSource.query(
        `INSERT INTO ${SCHEMA}.provincial_pull_cursors (county) VALUES ('140526') ON CONFLICT DO NOTHING`,
      );
      const caseId = randomUUID();
      const envelope = await changeAndEnqueueEvent<ApplicationSubmittedV1, 'countyUnitCode' | 'submittedAt'>(
        suite.dataSource,
        SCHEMA,
        applicationSubmittedV1,
        {
          sql: `UPDATE ${SCHEMA}.provincial_pull_cursors SET pulled_at = now() WHERE county = $1
                RETURNING county, pulled_at`,
          params: ['140526'],
        },
        event({ caseId } as unknown as Omit<ApplicationSubmittedV1, 'countyUnitCode' | 'submittedAt'>),
        { countyUnitCode: "change.county || '-civil'", submittedAt: isoTimestampOf('pulled_at') },
      );
      const [row] = (await suite.dataSource.query(
        `SELECT o.envelope, c.pulled_at FROM ${SCHEMA}.outbox o, ${SCHEMA}.provincial_pull_cursors c
          WHERE o.event_id = $1 AND c.county = '140526'`,
        [envelope?.id],
      )) as { envelope: { id: string; payload: Record<string, unknown> }; pulled_at: Date }[];
      expect(row.envelope.id).toBe(envelope?.id);
      expect(row.envelope.payload).toEqual({
        caseId,
        countyUnitCode: '140526-civil',
        submittedAt: row.pulled_at.toISOString(),
      });
      // What it answers is the envelope as recorded, the filled fields with it.
      expect(envelope?.payload).toEqual(row.envelope.payload);
    });

    it('runs the steps before the change in the same statement: each writes only if the one before did', async () => {
      // Two cursors: the step inserts the first, the change touches the second only after that insert.
      const [first, second] = ['140527', '140528'];
      await suite.dataSource.query(
        `INSERT INTO ${SCHEMA}.provincial_pull_cursors (county) VALUES ($1) ON CONFLICT DO NOTHING`,
        [second],
      );
      const stepped = (county: string) => ({
        steps: `added AS (INSERT INTO ${SCHEMA}.provincial_pull_cursors (county) VALUES ($1)
                 ON CONFLICT DO NOTHING RETURNING county)`,
        sql: `UPDATE ${SCHEMA}.provincial_pull_cursors SET last_error = 'after ' || (SELECT county FROM added)
               WHERE county = $2 AND EXISTS (SELECT 1 FROM added) RETURNING county`,
        params: [county, second],
      });
      const before = await outboxCount();
      const envelope = await changeAndEnqueueEvent(
        suite.dataSource,
        SCHEMA,
        applicationSubmittedV1,
        stepped(first),
        submitted(),
      );
      expect(envelope).toBeDefined();
      const cursors = (await suite.dataSource.query(
        `SELECT county, last_error FROM ${SCHEMA}.provincial_pull_cursors WHERE county = ANY($1) ORDER BY county`,
        [[first, second]],
      )) as { county: string; last_error: string | null }[];
      expect(cursors).toEqual([
        { county: first, last_error: null },
        { county: second, last_error: `after ${first}` },
      ]);
      // The first cursor is there now: the step inserts nothing, so neither the change nor the event happens.
      await expect(
        changeAndEnqueueEvent(suite.dataSource, SCHEMA, applicationSubmittedV1, stepped(first), submitted()),
      ).resolves.toBeUndefined();
      expect(await outboxCount()).toBe(before + 1);
    });

    it('records one event for each row a statement wrote, none for a row it left out, fields filled from its row', async () => {
      const [present, fresh, other] = ['140541', '140542', '140543'];
      await suite.dataSource.query(`INSERT INTO ${SCHEMA}.provincial_pull_cursors (county) VALUES ($1)`, [
        present,
      ]);
      const rows = [present, fresh, other].map((county) => ({
        id: randomUUID(),
        county,
        caseId: randomUUID(),
      }));
      const params: unknown[] = [];
      const keys = rows.map((row) => `($${params.push(row.id)}::uuid, $${params.push(row.county)}::char(6))`);
      // The cursor already there is left out by the conflict: its row, and so its event, is not in `written`.
      const written = `added AS (INSERT INTO ${SCHEMA}.provincial_pull_cursors (county, pulled_at)
                         SELECT county, clock_timestamp() FROM (VALUES ${keys.join(', ')}) AS k (id, county)
                         ON CONFLICT DO NOTHING RETURNING county, pulled_at),
                       written AS (SELECT k.id, added.pulled_at
                                     FROM added JOIN (VALUES ${keys.join(', ')}) AS k (id, county) USING (county))`;
      const announced = enqueueForRows<ApplicationSubmittedV1, 'submittedAt'>(
        SCHEMA,
        applicationSubmittedV1,
        rows.map((row) => ({
          rowId: row.id,
          event: event({ caseId: row.caseId } as unknown as Omit<ApplicationSubmittedV1, 'submittedAt'>),
        })),
        'written',
        params,
        { submittedAt: isoTimestampOf('pulled_at') },
      );
      const before = await outboxCount();
      await suite.dataSource.query(`WITH ${written}, announced AS (${announced}) SELECT 1`, params);

      expect(await outboxCount()).toBe(before + 2);
      const recorded = (await suite.dataSource.query(
        `SELECT topic, envelope -> 'payload' AS payload FROM ${SCHEMA}.outbox
          WHERE envelope -> 'payload' ->> 'caseId' = ANY($1) ORDER BY seq`,
        [rows.map((row) => row.caseId)],
      )) as { topic: string; payload: Record<string, unknown> }[];
      const pulledAt = async (county: string) =>
        (
          (await suite.dataSource.query(
            `SELECT pulled_at FROM ${SCHEMA}.provincial_pull_cursors WHERE county = $1`,
            [county],
          )) as { pulled_at: Date }[]
        )[0].pulled_at.toISOString();
      expect(recorded).toHaveLength(2);
      expect(new Set(recorded.map((row) => row.topic))).toEqual(new Set([applicationSubmittedV1.topic]));
      expect(recorded.map((row) => row.payload)).toEqual(
        expect.arrayContaining([
          { caseId: rows[1].caseId, submittedAt: await pulledAt(fresh) },
          { caseId: rows[2].caseId, submittedAt: await pulledAt(other) },
        ]),
      );
    });

    it('refuses an event another service is named after, and changes nothing', async () => {
      const before = await outboxCount();
      await expect(
        changeAndEnqueueEvent(
          suite.dataSource,
          SCHEMA,
          caseAcceptedV1,
          cursorChange('140525'),
          event(accepted()),
        ),
      ).rejects.toThrow('the intake service does not publish routing.case-accepted');
      expect(await outboxCount()).toBe(before);
    });
  });

  it('acts once per event in one statement: the change and the announcement only when the event is new', async () => {
    await suite.dataSource.query(
      `INSERT INTO ${SCHEMA}.provincial_pull_cursors (county, last_error) VALUES ('140521', NULL)
       ON CONFLICT (county) DO UPDATE SET last_error = NULL`,
    );
    const once = (note: string, id: string) =>
      processOnceAndEnqueue(
        suite.dataSource,
        SCHEMA,
        'test.once',
        { id, topic: 'test-topic' },
        {
          update: `UPDATE ${SCHEMA}.provincial_pull_cursors SET last_error = $2`,
          where: 'county = $1',
          params: ['140521', note],
        },
        applicationSubmittedV1,
        event({ caseId: randomUUID() } as unknown as ApplicationSubmittedV1),
      );
    const noted = async () =>
      (
        (await suite.dataSource.query(
          `SELECT last_error AS note FROM ${SCHEMA}.provincial_pull_cursors WHERE county = '140521'`,
        )) as { note: string | null }[]
      )[0].note;
    const before = await outboxCount();
    const id = randomUUID();
    await expect(once('first', id)).resolves.toBe('processed');
    expect(await noted()).toBe('first');
    // The same event again changes nothing and announces nothing.
    await expect(once('again', id)).resolves.toBe('duplicate');
    expect(await noted()).toBe('first');
    expect(await outboxCount()).toBe(before + 1);
  });
});
