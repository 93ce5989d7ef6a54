import { randomBytes, randomUUID } from 'node:crypto';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { supervisedCases, townSummaries } from '../src/supervision/supervised-cases';
import { townReport } from '../src/supervision/town-report';

const COUNTY = '140525';
const NANCUN = '140525100';
const XIACUN = '140525101';
const key = randomBytes(32);

/**
 * Supervision reads per-day counts instead of every case: they must follow each case through its life, whichever
 * way its row changes, and agree with the cases themselves.
 */
describe('supervision figures kept per town and day (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  const query = (sql: string, values: unknown[] = []) => suite.dataSource.query(sql, values);

  async function routed(town: string, routedAt: string, due: string | null = null): Promise<string> {
    const caseId = randomUUID();
    await query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, workflow_id, workflow_run_id, routed_at,
                                         committed_due_date, stage, receipt_number)
       VALUES ($1::uuid, $2, $3, 'ZZ-T-007', $1::text, $1::text, $4, $5, 'routed', $6)`,
      [
        caseId,
        COUNTY,
        town,
        routedAt,
        due,
        `${COUNTY}-20261101-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      ],
    );
    return caseId;
  }
  const accept = (caseId: string, at: string) =>
    query(`UPDATE routing.routed_cases SET accepted_at = $2, stage = 'in-progress' WHERE case_id = $1`, [
      caseId,
      at,
    ]);
  const conclude = (caseId: string, at: string, result: string, onTime: boolean | null) =>
    query(
      `UPDATE routing.routed_cases SET concluded_at = $2, result = $3, on_time = $4, stage = 'concluded'
        WHERE case_id = $1`,
      [caseId, at, result, onTime],
    );
  const november = () =>
    townReport(suite.dataSource, { county: COUNTY, from: '2026-11-01', to: '2026-11-30' });

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_town_days', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('follows a case from filing to its end, a corrected result and its removal', async () => {
    const caseId = await routed(NANCUN, '2026-11-02T09:00:00+08:00', '2026-11-16');
    expect(await november()).toEqual([expect.objectContaining({ town: NANCUN, received: 1, accepted: 0 })]);

    await accept(caseId, '2026-11-02T10:00:00+08:00');
    await conclude(caseId, '2026-11-10T15:00:00+08:00', '准予', true);
    expect((await november())[0]).toEqual(
      expect.objectContaining({
        received: 1,
        accepted: 1,
        concluded: 1,
        approved: 1,
        concludedOnTime: 1,
        onTimeRate: 1,
      }),
    );

    // A result put right afterwards moves the case from one column to the other, not into both.
    await query(`UPDATE routing.routed_cases SET result = '不予许可', on_time = false WHERE case_id = $1`, [
      caseId,
    ]);
    expect((await november())[0]).toEqual(
      expect.objectContaining({ concluded: 1, approved: 0, refused: 1, concludedOnTime: 0, onTimeRate: 0 }),
    );

    // Ended a day later in China Standard Time than in UTC: the CST day counts.
    await query(`UPDATE routing.routed_cases SET concluded_at = '2026-11-30T16:30:00Z' WHERE case_id = $1`, [
      caseId,
    ]);
    expect((await november())[0]).toEqual(expect.objectContaining({ concluded: 0, refused: 0 }));

    await query(`DELETE FROM routing.routed_cases WHERE case_id = $1`, [caseId]);
    expect(await november()).toEqual([]);
    expect(await query(`SELECT * FROM routing.town_days WHERE received <> 0 OR concluded <> 0`)).toEqual([]);
  });

  it('agrees with the cases themselves: summary, ratings and what was open and overdue at the end', async () => {
    const onTime = await routed(NANCUN, '2026-11-03T09:00:00+08:00', '2026-11-17');
    await accept(onTime, '2026-11-03T09:30:00+08:00');
    await conclude(onTime, '2026-11-05T09:00:00+08:00', '准予', true);
    await query(
      `INSERT INTO routing.service_ratings (case_id, county, town, score, comment, rated_at)
       VALUES ($1, $2, $3, 1, '等了很久', '2026-11-06T09:00:00+08:00')`,
      [onTime, COUNTY, NANCUN],
    );
    const withdrawn = await routed(NANCUN, '2026-11-04T09:00:00+08:00', '2026-11-10');
    await accept(withdrawn, '2026-11-04T09:30:00+08:00');
    await conclude(withdrawn, '2026-11-20T09:00:00+08:00', '撤件', false);
    // Open past its date at the end of November, ended in December: overdue in November's report only.
    const lateInDecember = await routed(XIACUN, '2026-11-05T09:00:00+08:00', '2026-11-20');
    await accept(lateInDecember, '2026-11-05T09:30:00+08:00');
    await conclude(lateInDecember, '2026-12-02T09:00:00+08:00', '准予', false);
    const stillOpen = await routed(XIACUN, '2026-11-25T09:00:00+08:00', '2099-12-09');
    await query(`UPDATE routing.routed_cases SET warning = 'yellow' WHERE case_id = $1`, [stillOpen]);

    const [nancun, xiacun] = await november();
    expect(nancun).toEqual(
      expect.objectContaining({
        town: NANCUN,
        received: 2,
        concluded: 2,
        withdrawn: 1,
        onTimeRate: 1,
        ratings: 1,
        dissatisfied: 1,
        overdueAtEnd: 0,
      }),
    );
    expect(xiacun).toEqual(
      expect.objectContaining({ town: XIACUN, received: 2, concluded: 0, overdueAtEnd: 1 }),
    );
    expect(
      (await townReport(suite.dataSource, { county: COUNTY, from: '2026-12-01', to: '2026-12-31' })).find(
        (town) => town.town === XIACUN,
      ),
    ).toEqual(expect.objectContaining({ concluded: 1, overdueAtEnd: 0 }));

    const direct = (await query(
      `SELECT town,
              count(*) FILTER (WHERE concluded_at IS NULL)::int AS "open",
              count(*) FILTER (WHERE concluded_at IS NULL AND warning = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE concluded_at IS NULL AND warning = 'red')::int AS red,
              count(*) FILTER (WHERE warning = 'statutory')::int AS statutory,
              count(*) FILTER (WHERE concluded_at IS NOT NULL)::int AS concluded,
              count(*) FILTER (WHERE on_time IS NOT NULL AND result IS DISTINCT FROM '撤件')::int AS timed,
              count(*) FILTER (WHERE on_time AND result IS DISTINCT FROM '撤件')::int AS "concludedOnTime"
         FROM routing.routed_cases WHERE county = $1 GROUP BY town ORDER BY town`,
      [COUNTY],
    )) as unknown[];
    expect(await townSummaries(suite.dataSource, COUNTY)).toEqual(direct);
  });

  it('counts as overdue at the end of a period still running only what is overdue today', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const dueSoon = await routed(NANCUN, new Date(Date.now() - 86_400_000).toISOString(), day(3));
    const overdue = await routed(NANCUN, new Date(Date.now() - 20 * 86_400_000).toISOString(), day(-2));
    const period = { county: COUNTY, from: day(-40), to: day(40) };
    const nancun = (await townReport(suite.dataSource, period)).find((town) => town.town === NANCUN);
    expect(nancun?.overdueAtEnd).toBe(1);
    await query(`DELETE FROM routing.routed_cases WHERE case_id = ANY($1)`, [[dueSoon, overdue]]);
  });

  it('lists open cases by nearest date, then ended ones latest first, with the count of all of them', async () => {
    const page = (page: number, pageSize: number, town?: string) =>
      supervisedCases(suite.dataSource, { county: COUNTY, town, page, pageSize }, key);
    const all = (await query(
      `SELECT case_id AS "caseId", concluded_at IS NOT NULL AS ended, committed_due_date AS due, concluded_at
         FROM routing.routed_cases WHERE county = $1`,
      [COUNTY],
    )) as { caseId: string; ended: boolean; due: Date | null; concluded_at: Date | null }[];
    const expected = [
      ...all.filter((c) => !c.ended).sort((a, b) => Number(a.due ?? Infinity) - Number(b.due ?? Infinity)),
      ...all.filter((c) => c.ended).sort((a, b) => Number(b.concluded_at) - Number(a.concluded_at)),
    ].map((c) => c.caseId);

    const first = await page(1, 2);
    const second = await page(2, 2);
    expect(first.total).toBe(all.length);
    expect([...first.items, ...second.items].map((item) => item.caseId)).toEqual(expected.slice(0, 4));
    expect((await page(1, 50, XIACUN)).total).toBe(2);
    // Narrowed by anything but the place, the count is of what matched.
    expect(
      (
        await supervisedCases(
          suite.dataSource,
          { county: COUNTY, warning: 'yellow', page: 1, pageSize: 10 },
          key,
        )
      ).total,
    ).toBe(1);
  });
});
