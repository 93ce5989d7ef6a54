import { randomUUID } from 'node:crypto';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { matterBreakdown } from '../src/supervision/matter-breakdown';

describe('open cases by matter, for supervisors (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  async function routed(
    matterCode: string,
    stage: string,
    extra: { warning?: string; town?: string; county?: string; concluded?: boolean; due?: string } = {},
  ) {
    const caseId = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, matter_name, workflow_id, workflow_run_id,
                                         routed_at, stage, warning, committed_due_date, concluded_at)
       VALUES ($1::uuid, $2, $3, $4, $5, $1::text, $1::text, now(), $6, $7, $8,
               CASE WHEN $9::boolean THEN now() END)`,
      [
        caseId,
        extra.county ?? '140525',
        extra.town ?? '140525100',
        matterCode,
        matterCode === 'ZZ-T-002' ? '临时救助' : null,
        stage,
        extra.warning ?? null,
        extra.due ?? null,
        extra.concluded ?? false,
      ],
    );
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_matters', { schema: ROUTING_SCHEMA, entities: [RoutedCase] });
    await routed('ZZ-T-001', 'in-progress', { due: '2026-12-10' });
    await routed('ZZ-T-001', 'in-progress', { warning: 'yellow', due: '2026-12-04' });
    await routed('ZZ-T-002', 'in-progress', { warning: 'red', due: '2026-12-01' });
    await routed('ZZ-T-002', 'awaiting-correction');
    await routed('ZZ-T-002', 'suspended', { town: '140525101' });
    await routed('ZZ-T-002', 'delivered', { warning: 'statutory', concluded: true });
    await routed('ZZ-T-003', 'refused');
    await routed('ZZ-T-009', 'in-progress', { county: '140521', town: '140521100', warning: 'statutory' });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('lists the open cases of each matter, the most warned first, leaving ended cases and other counties out', async () => {
    expect(await matterBreakdown(suite.dataSource, { county: '140525' })).toEqual([
      {
        matterCode: 'ZZ-T-002',
        matterName: '临时救助',
        open: 3,
        yellow: 0,
        red: 1,
        statutory: 0,
        awaitingCorrection: 1,
        suspended: 1,
        earliestDueDate: '2026-12-01',
      },
      {
        matterCode: 'ZZ-T-001',
        matterName: null,
        open: 2,
        yellow: 1,
        red: 0,
        statutory: 0,
        awaitingCorrection: 0,
        suspended: 0,
        earliestDueDate: '2026-12-04',
      },
    ]);
  });

  it('narrows to one town', async () => {
    expect(await matterBreakdown(suite.dataSource, { county: '140525', town: '140525101' })).toEqual([
      expect.objectContaining({ matterCode: 'ZZ-T-002', open: 1, suspended: 1 }),
    ]);
  });
});
