import { resolve } from 'node:path';
import { SeededPlaceNames } from '@oneseal/domain';
import type { AuthUser } from '@oneseal/auth';
import { openSuiteDataSource, refusalCodeOf, type SuiteDataSource } from '@oneseal/testing';
import { AccountabilityService } from '../src/accountability/accountability.service';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';

const supervisor: AuthUser = { id: 'sup', name: '泽州县电子监察', roles: ['supervisor'], county: '140525' };
const leader: AuthUser = {
  id: 'l',
  name: '南村镇分管领导',
  roles: ['town-leader'],
  county: '140525',
  town: '140525100',
};
const otherLeader: AuthUser = { ...leader, id: 'x', town: '140525101' };

describe('约谈 and 问责: on the record, with the cases they are about (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let accountability: AccountabilityService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_accountability', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    accountability = new AccountabilityService(
      suite.dataSource,
      SeededPlaceNames.fromSeeds(resolve(__dirname, '../../../seeds')),
    );
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, workflow_id, workflow_run_id, routed_at, stage, receipt_number)
       VALUES ('6f1b3f4e-9d2a-4c1e-8f7a-1b2c3d4e5f60', '140525', '140525100', 'ZZ-T-002', 'w', 'r', now(), 'in-progress',
               '140525-20261209-000007')`,
    );
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('records a 约谈 of a town with its cases, on the record, for the county and that town only', async () => {
    const record = await accountability.record(supervisor, {
      town: '140525100',
      kind: '约谈',
      subject: '南村镇便民服务中心负责人',
      reason: '本月两件超期未办结',
      decision: '限期一周整改并书面报告',
      caseNumbers: ['140525-20261209-000007'],
    });
    expect(record).toEqual(expect.objectContaining({ kind: '约谈', recordedByName: '泽州县电子监察' }));
    const [event] = (await suite.dataSource.query(
      `SELECT envelope->>'type' AS type, envelope->'payload'->'caseNumbers' AS cases FROM routing.outbox
        WHERE envelope->>'subject' = $1`,
      [record.id],
    )) as { type: string; cases: string[] }[];
    expect(event).toEqual({ type: 'routing.accountability-recorded', cases: ['140525-20261209-000007'] });
    expect(
      (await accountability.list(leader, { county: '140525', town: '140525100' })).map((row) => row.id),
    ).toContain(record.id);
    expect(await accountability.list(otherLeader, { county: '140525', town: '140525101' })).toEqual([]);
  });

  it('refuses a town of another county or cases it cannot find, recording nothing', async () => {
    const entry = { kind: '问责' as const, subject: '某人', reason: '事由', decision: '决定' };
    expect(await refusalCodeOf(accountability.record(supervisor, { ...entry, town: '140521100' }))).toBe(
      'ACCOUNTABILITY.TOWN_NOT_FOUND',
    );
    expect(
      await refusalCodeOf(
        accountability.record(supervisor, {
          ...entry,
          town: '140525100',
          caseNumbers: ['140525-20261209-999999'],
        }),
      ),
    ).toBe('ACCOUNTABILITY.CASES_NOT_FOUND');
    const [{ n }] = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM routing.accountability_records`,
    )) as {
      n: number;
    }[];
    expect(n).toBe(1);
  });
});
