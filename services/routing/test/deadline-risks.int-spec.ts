import { randomUUID } from 'node:crypto';
import { WorkingDayCalendar } from '@oneseal/domain';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { deadlineRisks, MAX_RISKS } from '../src/supervision/deadline-risks';

// Wednesday 2026-12-09, 10:00 in China: the next working day is Thursday the 10th; Friday the 4th was three working
// days ago (7, 8, 9).
const NOW = new Date('2026-12-09T02:00:00Z');

describe('今日风险: what is late or about to be today, worst first (real PostgreSQL)', () => {
  let suite: SuiteDataSource;

  async function routed(
    receiptNumber: string,
    extra: {
      stage?: string;
      warning?: string;
      due?: string;
      stepDue?: string;
      town?: string;
      county?: string;
      concluded?: boolean;
    },
  ) {
    const caseId = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, matter_name, workflow_id, workflow_run_id,
                                         routed_at, stage, warning, committed_due_date, concluded_at, receipt_number,
                                         current_step, current_unit, current_step_due_date)
       VALUES ($1::uuid, $2, $3::text, 'ZZ-T-002', '临时救助', $1::text, $1::text, now(), $4, $5, $6,
               CASE WHEN $7::boolean THEN now() END, $8, '审核', $3::text || '-review', $9)`,
      [
        caseId,
        extra.county ?? '140525',
        extra.town ?? '140525100',
        extra.stage ?? 'in-progress',
        extra.warning ?? null,
        extra.due ?? null,
        extra.concluded ?? false,
        receiptNumber,
        extra.stepDue ?? null,
      ],
    );
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_deadline_risks', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    await routed('on-time', { due: '2026-12-21', stepDue: '2026-12-15' });
    await routed('yellow', { warning: 'yellow', due: '2026-12-10', stepDue: '2026-12-10' });
    await routed('red', { warning: 'red', due: '2026-12-04', stepDue: '2026-12-04' });
    await routed('statutory', { warning: 'statutory', due: '2026-11-20', stepDue: '2026-11-20' });
    await routed('step-late', { due: '2026-12-18', stepDue: '2026-12-08' });
    await routed('due-today', { due: '2026-12-09', stepDue: '2026-12-09' });
    await routed('not-accepted', { stage: 'routed', stepDue: '2026-12-10' });
    await routed('waiting-for-correction', {
      stage: 'awaiting-correction',
      warning: 'red',
      due: '2026-12-01',
    });
    await routed('ended-late', { warning: 'red', due: '2026-12-01', concluded: true });
    await routed('other-town', { warning: 'red', due: '2026-12-04', town: '140525101' });
    await routed('other-county', {
      warning: 'statutory',
      due: '2026-11-20',
      county: '140521',
      town: '140521100',
    });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('lists the statutory, red, step-late, yellow and due-soon cases in that order, with working days over or left', async () => {
    const risks = await deadlineRisks(
      suite.dataSource,
      { county: '140525', town: '140525100' },
      WorkingDayCalendar.official(),
      NOW,
    );
    expect(risks.today).toBe('2026-12-09');
    expect(risks.items.map((item) => [item.receiptNumber, item.risk, item.workingDaysLeft])).toEqual([
      ['statutory', 'statutory', -13],
      ['red', 'red', -3],
      ['step-late', 'step-late', 7],
      ['yellow', 'yellow', 1],
      ['due-today', 'due-soon', 0],
      ['not-accepted', 'due-soon', null],
    ]);
    expect(risks.items.find((item) => item.receiptNumber === 'step-late')).toEqual(
      expect.objectContaining({
        currentStep: '审核',
        currentUnit: '140525100-review',
        stepWorkingDaysLeft: -1,
      }),
    );
    expect(risks.counts).toEqual({ statutory: 1, red: 1, 'step-late': 1, yellow: 1, 'due-soon': 2 });
  });

  it('counts every case at risk, those the list has no room for and levels it does not reach included', async () => {
    // A county of its own, so the cases above stay as they are.
    for (let n = 0; n <= MAX_RISKS; n += 1)
      await routed(`statutory-${n}`, {
        warning: 'statutory',
        due: '2026-11-20',
        county: '140581',
        town: '140581100',
      });
    await routed('later-yellow', {
      warning: 'yellow',
      due: '2026-12-10',
      county: '140581',
      town: '140581100',
    });
    const risks = await deadlineRisks(
      suite.dataSource,
      { county: '140581' },
      WorkingDayCalendar.official(),
      NOW,
    );
    expect(risks.items).toHaveLength(MAX_RISKS);
    expect(risks.items.every((item) => item.risk === 'statutory')).toBe(true);
    expect(risks.counts).toEqual({
      statutory: MAX_RISKS + 1,
      red: 0,
      'step-late': 0,
      yellow: 1,
      'due-soon': 0,
    });
  });

  it('covers the whole county for its supervisors, and never another county', async () => {
    const risks = await deadlineRisks(
      suite.dataSource,
      { county: '140525' },
      WorkingDayCalendar.official(),
      NOW,
    );
    const numbers = risks.items.map((item) => item.receiptNumber);
    expect(numbers).toContain('other-town');
    expect(numbers).not.toContain('other-county');
    expect(numbers).not.toContain('ended-late');
    expect(numbers).not.toContain('waiting-for-correction');
    expect(numbers).not.toContain('on-time');
  });
});
