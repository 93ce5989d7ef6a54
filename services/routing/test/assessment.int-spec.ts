import { resolve } from 'node:path';
import { SeededPlaceNames } from '@oneseal/domain';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import { openSuiteDataSource, refusalCodeOf, type SuiteDataSource } from '@oneseal/testing';
import { AssessmentService } from '../src/assessment/assessment.service';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { townReport } from '../src/supervision/town-report';

const NOW = new Date('2026-12-20T02:00:00Z');
const admin: AuthUser = { id: 'admin', name: '县审批局管理员', roles: ['admin'], county: '140525' };
const supervisor: AuthUser = { id: 'sup', name: '县电子监察', roles: ['supervisor'], county: '140525' };
const NANCUN = '140525100';
const XIACUN = '140525101';

describe('考核: every town scored and ranked on the county’s scheme (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let assessment: AssessmentService;

  async function routed(
    town: string,
    facts: {
      channel: string;
      onTime?: boolean;
      due?: string;
      open?: boolean;
      withdrawn?: boolean;
      /** An open case's stage other than in-progress. */
      stage?: string;
      routedAt?: string;
      concludedAt?: string;
    },
  ) {
    const caseId = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, workflow_id, workflow_run_id, routed_at,
                                         stage, channel, committed_due_date, concluded_at, result, on_time)
       VALUES ($1::uuid, $11, $2, 'ZZ-T-002', $1::text, $1::text, $8::timestamptz,
               CASE WHEN $5::boolean THEN coalesce($9, 'in-progress') ELSE 'concluded' END, $3, $4::date,
               CASE WHEN $5::boolean THEN NULL ELSE $10::timestamptz END,
               CASE WHEN $5::boolean THEN NULL WHEN $7::boolean THEN '撤件' ELSE '准予' END,
               CASE WHEN $5::boolean THEN NULL ELSE $6::boolean END)`,
      [
        caseId,
        town,
        facts.channel,
        facts.due ?? '2026-12-15',
        facts.open ?? false,
        facts.onTime ?? true,
        facts.withdrawn ?? false,
        facts.routedAt ?? '2026-12-02T02:00:00Z',
        facts.stage ?? null,
        facts.concludedAt ?? '2026-12-10T02:00:00Z',
        town.slice(0, 6),
      ],
    );
    return caseId;
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_assessment', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    assessment = new AssessmentService(
      suite.dataSource,
      SeededPlaceNames.fromSeeds(resolve(__dirname, '../../../seeds')),
    );
    // 南村镇: four ended on time (one online), one open past its date, a 差评 answered.
    for (const channel of ['online', 'town-window', 'town-window', 'village-agent'])
      await routed(NANCUN, { channel });
    await routed(NANCUN, { channel: 'town-window', open: true, due: '2026-12-11' });
    const rated = await routed(NANCUN, { channel: 'provincial-portal' });
    await suite.dataSource.query(
      `INSERT INTO routing.service_ratings (case_id, county, town, score, comment, rated_at, response, responded_by, responded_by_name, responded_at)
       VALUES ($1, '140525', $2, 2, '等了很久', '2026-12-11T02:00:00Z', '已调整窗口排班', 'leader', '分管领导', '2026-12-12T02:00:00Z')`,
      [rated, NANCUN],
    );
    // 下村镇: two ended, one late; a withdrawal does not count against it.
    await routed(XIACUN, { channel: 'town-window' });
    await routed(XIACUN, { channel: 'town-window', onTime: false });
    await routed(XIACUN, { channel: 'online', withdrawn: true, onTime: false });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('scores each town of the county for the month on the default scheme, the best first, quiet towns unranked', async () => {
    const ranking = await assessment.ranking(supervisor, '140525', 'month', '2026-12', NOW);
    expect(ranking.period).toEqual(
      expect.objectContaining({ title: '2026年12月', from: '2026-12-01', to: '2026-12-20', complete: false }),
    );
    expect(ranking.scheme.version).toBe(0);
    const nancun = ranking.towns.find((town) => town.town === NANCUN);
    const xiacun = ranking.towns.find((town) => town.town === XIACUN);
    // 南村镇: on time 5/5 → 40; satisfaction 0/1 → 0; online 2/6 → 5; 整改 1/1 → 10; one overdue → 10 − 2 = 8.
    expect(nancun?.parts.map((part) => [part.indicator, part.value, part.points])).toEqual([
      ['onTimeRate', 1, 40],
      ['satisfactionRate', 0, 0],
      ['onlineRate', 0.333, 5],
      ['rectifyRate', 1, 10],
      ['overdueCount', 1, 8],
    ]);
    expect(nancun?.score).toBe(63);
    // 下村镇: on time 1/2 → 20; online 1/3 → 5; one late → 8; no rating or 差评 to count: 33 of 65 points.
    expect(xiacun?.score).toBe(50.8);
    expect(ranking.towns.slice(0, 2).map((town) => [town.townName, town.rank])).toEqual([
      ['南村镇', 1],
      ['下村镇', 2],
    ]);
    // Towns without a case this month are listed, unranked, not given full marks.
    expect(ranking.towns.slice(2).every((town) => town.score === null && town.rank === null)).toBe(true);
    expect(ranking.towns.length).toBeGreaterThan(10);
    expect(ranking.towns.find((town) => town.town === NANCUN)?.townName).toBe('南村镇');
    expect(ranking.countyName).toBe('泽州县');
  });

  it('lets the administrator change the scheme by version, refusing weights that do not make 100 and a stale version', async () => {
    const bad = assessment.setScheme(
      admin,
      '140525',
      {
        indicators: [{ indicator: 'onTimeRate', weight: 90 }],
        reason: '试行',
        expectedVersion: 0,
      },
      NOW,
    );
    expect(await refusalCodeOf(bad)).toBe('ASSESSMENT.SCHEME_INVALID');
    const set = await assessment.setScheme(
      admin,
      '140525',
      {
        indicators: [
          { indicator: 'onTimeRate', weight: 60 },
          { indicator: 'overdueCount', weight: 40, perCase: 10 },
        ],
        reason: '县审改办 2027 年考核办法',
        expectedVersion: 0,
      },
      NOW,
    );
    // Set on the test's day, so the quarter is scored on it whatever day the test runs.
    expect(set).toEqual(expect.objectContaining({ version: 1, setByName: '县审批局管理员' }));
    const stale = assessment.setScheme(
      admin,
      '140525',
      {
        indicators: [{ indicator: 'onTimeRate', weight: 100 }],
        reason: '再改',
        expectedVersion: 0,
      },
      NOW,
    );
    expect(await refusalCodeOf(stale)).toBe('ASSESSMENT.SCHEME_CHANGED');
    const ranking = await assessment.ranking(supervisor, '140525', 'quarter', '2026-Q4', NOW);
    expect(ranking.period.title).toBe('2026年第四季度');
    expect(ranking.scheme.version).toBe(1);
    expect(ranking.towns.find((town) => town.town === XIACUN)?.score).toBe(60);
  });

  it('deducts for the overdue cases the period report shows at the period’s end, and for those that ended late', async () => {
    // 沁水县, apart from the county above. 龙港镇: past their dates at the end of December's running month — one being
    // handled (overdue), one in a 特别程序 and one awaiting a 补正 (their clocks stand still: not overdue) — and one
    // not due yet.
    const LONGGANG = '140521100';
    const ZHONGCUN = '140521101';
    const qinshuiSupervisor: AuthUser = { ...supervisor, id: 'sup-qinshui', county: '140521' };
    await routed(LONGGANG, { channel: 'town-window', open: true, due: '2026-12-11' });
    await routed(LONGGANG, { channel: 'town-window', open: true, due: '2026-12-09', stage: 'suspended' });
    await routed(LONGGANG, {
      channel: 'online',
      open: true,
      due: '2026-12-14',
      stage: 'awaiting-correction',
    });
    await routed(LONGGANG, { channel: 'town-window', open: true, due: '2026-12-28' });
    await routed(LONGGANG, { channel: 'town-window' });
    // 中村镇: due in November and ended late in December (overdue at November's end, then ended late in December),
    // and one ended late within December.
    await routed(ZHONGCUN, {
      channel: 'town-window',
      routedAt: '2026-11-05T01:00:00Z',
      due: '2026-11-20',
      onTime: false,
      concludedAt: '2026-12-03T02:00:00Z',
    });
    await routed(ZHONGCUN, { channel: 'village-agent', due: '2026-12-08', onTime: false });

    const overdue = { '2026-11': { [ZHONGCUN]: 1 }, '2026-12': { [LONGGANG]: 1, [ZHONGCUN]: 2 } };
    for (const [month, expected] of Object.entries(overdue)) {
      const ranking = await assessment.ranking(qinshuiSupervisor, '140521', 'month', month, NOW);
      const report = await townReport(
        suite.dataSource,
        { county: '140521', from: ranking.period.from, to: ranking.period.to },
        NOW,
      );
      const deducted = Object.fromEntries(
        ranking.towns.map((town) => [
          town.town,
          town.parts.find((part) => part.indicator === 'overdueCount')?.value,
        ]),
      );
      // Every ended case here has a committed date and none was withdrawn: the report's 办结 less 按时办结 are the
      // ones that ended late.
      const shown = Object.fromEntries(
        ranking.towns.map((town) => {
          const row = report.find((reported) => reported.town === town.town);
          return [town.town, row ? row.overdueAtEnd + row.concluded - row.concludedOnTime : 0];
        }),
      );
      expect(deducted).toEqual(shown);
      expect(Object.fromEntries(Object.entries(deducted).filter(([, count]) => count))).toEqual(expected);
    }
  });

  it('refuses a period that is malformed or has not begun', async () => {
    expect(await refusalCodeOf(assessment.ranking(supervisor, '140525', 'month', '2027-01', NOW))).toBe(
      'ASSESSMENT.PERIOD_INVALID',
    );
    expect(await refusalCodeOf(assessment.ranking(supervisor, '140525', 'quarter', '2026-12', NOW))).toBe(
      'ASSESSMENT.PERIOD_INVALID',
    );
  });
});
