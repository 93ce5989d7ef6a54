import { randomUUID } from 'node:crypto';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { townReport } from '../src/supervision/town-report';

interface Row {
  county?: string;
  town: string;
  routedAt: string;
  acceptedAt?: string;
  committedDueDate?: string;
  concludedAt?: string;
  result?: string;
  onTime?: boolean;
}

describe('the per-town report for a period (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  async function insert(row: Row) {
    const caseId = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, workflow_id, workflow_run_id, routed_at,
                                         accepted_at, committed_due_date, concluded_at, result, on_time, stage)
       VALUES ($1::uuid, $2, $3, 'ZZ-T-001', $1::text, $1::text, $4, $5, $6, $7, $8, $9, $10)`,
      [
        caseId,
        row.county ?? '140525',
        row.town,
        row.routedAt,
        row.acceptedAt ?? null,
        row.committedDueDate ?? null,
        row.concludedAt ?? null,
        row.result ?? null,
        row.onTime ?? null,
        row.concludedAt ? 'concluded' : 'in-progress',
      ],
    );
    return caseId;
  }

  async function rate(caseId: string, score: number, ratedAt: string, comment: string | null = null) {
    await suite.dataSource.query(
      `INSERT INTO routing.service_ratings (case_id, county, town, score, comment, rated_at)
       SELECT case_id, county, town, $2, $3, $4 FROM routing.routed_cases WHERE case_id = $1`,
      [caseId, score, comment, ratedAt],
    );
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_report', { schema: ROUTING_SCHEMA, entities: [RoutedCase] });
    const nancun = '140525100';
    // Filed in October, decided on time in November, rated 非常满意.
    const approved = await insert({
      town: nancun,
      routedAt: '2026-10-30T10:00:00+08:00',
      acceptedAt: '2026-10-31T09:00:00+08:00',
      committedDueDate: '2026-11-10',
      concludedAt: '2026-11-03T15:00:00+08:00',
      result: '准予',
      onTime: true,
    });
    await rate(approved, 5, '2026-11-04T10:00:00+08:00');
    // Filed, accepted and refused late in November; the applicant was not satisfied.
    const refused = await insert({
      town: nancun,
      routedAt: '2026-11-02T09:00:00+08:00',
      acceptedAt: '2026-11-02T10:00:00+08:00',
      committedDueDate: '2026-11-16',
      concludedAt: '2026-11-20T11:00:00+08:00',
      result: '不予许可',
      onTime: false,
    });
    await rate(refused, 1, '2026-11-21T09:00:00+08:00', '超期办结，未说明原因');
    // 00:30 on 1 December in China, still 30 November in UTC: not November's.
    await insert({ town: nancun, routedAt: '2026-11-30T16:30:00Z' });
    // Accepted in November, due on the 20th, still open at the end of the month.
    await insert({
      town: nancun,
      routedAt: '2026-11-05T09:00:00+08:00',
      acceptedAt: '2026-11-05T09:30:00+08:00',
      committedDueDate: '2026-11-20',
    });
    // Withdrawn before acceptance: ended, but with no committed date to be on time against.
    await insert({
      town: nancun,
      routedAt: '2026-11-10T09:00:00+08:00',
      concludedAt: '2026-11-12T09:00:00+08:00',
      result: '撤件',
    });
    // Withdrawn after acceptance, past its date: the applicant ended it, so it counts in no on-time rate.
    await insert({
      town: nancun,
      routedAt: '2026-11-03T09:00:00+08:00',
      acceptedAt: '2026-11-03T10:00:00+08:00',
      committedDueDate: '2026-11-10',
      concludedAt: '2026-11-18T09:00:00+08:00',
      result: '撤件',
      onTime: false,
    });
    // Voided (作废): counted as ended, under neither approved, refused nor withdrawn.
    await insert({
      town: nancun,
      routedAt: '2026-11-14T09:00:00+08:00',
      concludedAt: '2026-11-15T09:00:00+08:00',
      result: '作废',
    });
    // A neighbouring town with nothing in November (its September case is rated in December), and a case of
    // another county.
    const september = await insert({
      town: '140525101',
      routedAt: '2026-09-01T09:00:00+08:00',
      concludedAt: '2026-09-10T09:00:00+08:00',
      result: '准予',
      onTime: true,
    });
    await rate(september, 4, '2026-12-02T09:00:00+08:00');
    await insert({ county: '140521', town: '140521100', routedAt: '2026-11-11T09:00:00+08:00' });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('counts November in China Standard Time days, per town, and leaves quiet towns and other counties out', async () => {
    expect(
      await townReport(suite.dataSource, { county: '140525', from: '2026-11-01', to: '2026-11-30' }),
    ).toEqual([
      {
        town: '140525100',
        received: 5,
        accepted: 3,
        concluded: 5,
        concludedOnTime: 1,
        approved: 1,
        refused: 1,
        withdrawn: 2,
        otherResults: 1,
        onTimeRate: 0.5,
        overdueAtEnd: 1,
        ratings: 2,
        dissatisfied: 1,
        satisfactionRate: 0.5,
      },
    ]);
  });

  it('reports a period with no decisions with an empty on-time rate rather than a made-up one', async () => {
    const [nancun, xiacun] = await townReport(suite.dataSource, {
      county: '140525',
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(nancun).toEqual(
      expect.objectContaining({
        received: 1,
        concluded: 0,
        onTimeRate: null,
        overdueAtEnd: 1,
        ratings: 0,
        satisfactionRate: null,
      }),
    );
    // A rating counts in the period it was given, whenever the case ended.
    expect(xiacun).toEqual(
      expect.objectContaining({
        town: '140525101',
        concluded: 0,
        ratings: 1,
        dissatisfied: 0,
        satisfactionRate: 1,
      }),
    );
  });
});
