import { randomUUID } from 'node:crypto';
import type { AuthUser } from '@oneseal/auth';
import { refusalCodeOf, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { SupervisionOrdersService } from '../src/supervision-orders/supervision-orders.service';

const NOW = new Date('2026-12-09T02:00:00Z');
const LATER = new Date('2026-12-16T02:00:00Z');
const supervisor: AuthUser = { id: 'sup', name: '泽州县电子监察', roles: ['supervisor'], county: '140525' };
const leader: AuthUser = {
  id: 'leader',
  name: '南村镇分管领导',
  roles: ['town-leader'],
  county: '140525',
  town: '140525100',
};
const otherLeader: AuthUser = { ...leader, id: 'other', name: '下村镇分管领导', town: '140525101' };
const bureau: AuthUser = {
  id: 'mz',
  name: '县民政局',
  roles: ['county-officer'],
  county: '140525',
  unitCode: '140525-mz',
};
const qinshui: AuthUser = { id: 'qs', name: '沁水县电子监察', roles: ['supervisor'], county: '140521' };

describe('督办 and 催办: ordered by the county, answered once by whoever answers for the unit (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let orders: SupervisionOrdersService;

  async function routed(unit: string | null, concluded = false): Promise<string> {
    const caseId = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, matter_name, workflow_id, workflow_run_id,
                                         routed_at, stage, receipt_number, current_step, current_unit, concluded_at)
       VALUES ($1::uuid, '140525', '140525100', 'ZZ-T-002', '临时救助', $1::text, $1::text, now(), 'in-progress',
               '140525-20261209-000001', '审核', $2, CASE WHEN $3::boolean THEN now() END)`,
      [caseId, unit, concluded],
    );
    return caseId;
  }
  const order = (caseId: string, answerBy = '2026-12-11') =>
    orders.order(
      supervisor,
      { caseId, kind: '督办', requirement: '请于期限前办结并说明超期原因', answerBy },
      NOW,
    );

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing_supervision_orders', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    orders = new SupervisionOrdersService(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('orders the unit holding the case, puts it on the case record, and takes one answer from the town’s leader', async () => {
    const caseId = await routed('140525100-review');
    const given = await order(caseId);
    expect(given).toEqual(
      expect.objectContaining({
        kind: '督办',
        unitCode: '140525100-review',
        stepName: '审核',
        status: 'waiting',
        answer: null,
      }),
    );
    expect(await refusalCodeOf(orders.answer(otherLeader, given.id, '已办结', NOW))).toBe(
      'SUPERVISION_ORDER.NOT_YOURS_TO_ANSWER',
    );
    expect(await refusalCodeOf(orders.answer(bureau, given.id, '已办结', NOW))).toBe(
      'SUPERVISION_ORDER.NOT_YOURS_TO_ANSWER',
    );
    const answered = await orders.answer(leader, given.id, '已督促审核岗当日办结', NOW);
    expect(answered).toEqual(
      expect.objectContaining({ status: 'answered', answeredByName: '南村镇分管领导' }),
    );
    expect(await refusalCodeOf(orders.answer(leader, given.id, '再答复一次', NOW))).toBe(
      'SUPERVISION_ORDER.ALREADY_ANSWERED',
    );
    const events = (await suite.dataSource.query(
      `SELECT envelope->>'type' AS type, envelope->>'subject' AS subject FROM routing.outbox
        WHERE envelope->>'subject' = $1 ORDER BY created_at`,
      [caseId],
    )) as { type: string; subject: string }[];
    expect(events.map((event) => event.type)).toEqual([
      'routing.supervision-ordered',
      'routing.supervision-answered',
    ]);
  });

  it('lets a county bureau answer for its own unit, and marks an order past its date unanswered as overdue', async () => {
    const atBureau = await order(await routed('140525-mz'));
    const waiting = await order(await routed('140525100-window'));
    const late = await orders.list(supervisor, { county: '140525' }, true, LATER);
    expect(late.find((row) => row.id === waiting.id)?.status).toBe('overdue');
    expect((await orders.list(bureau, { county: '140525' }, false, NOW)).map((row) => row.unitCode)).toEqual([
      '140525-mz',
    ]);
    expect((await orders.answer(bureau, atBureau.id, '已安排专人办理', NOW)).status).toBe('answered');
    expect((await orders.list(otherLeader, { county: '140525', town: '140525101' }, false, NOW)).length).toBe(
      0,
    );
  });

  it('refuses an order with a date in the past or too far ahead, on an ended case, or of another county — recording nothing', async () => {
    const before = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM routing.supervision_orders`,
    )) as {
      n: number;
    }[];
    const open = await routed('140525100-review');
    expect(await refusalCodeOf(order(open, '2026-12-08'))).toBe('SUPERVISION_ORDER.ANSWER_BY_INVALID');
    expect(await refusalCodeOf(order(open, '2027-03-01'))).toBe('SUPERVISION_ORDER.ANSWER_BY_INVALID');
    expect(await refusalCodeOf(order(await routed('140525100-review', true)))).toBe(
      'SUPERVISION_ORDER.CASE_NOT_WAITING',
    );
    expect(await refusalCodeOf(order(await routed(null)))).toBe('SUPERVISION_ORDER.CASE_NOT_WAITING');
    expect(
      await refusalCodeOf(
        orders.order(
          qinshui,
          { caseId: open, kind: '催办', requirement: '请抓紧办理', answerBy: '2026-12-11' },
          NOW,
        ),
      ),
    ).toBe('SUPERVISION_ORDER.CASE_NOT_FOUND');
    const after = (await suite.dataSource.query(
      `SELECT count(*)::int AS n FROM routing.supervision_orders`,
    )) as {
      n: number;
    }[];
    expect(after[0].n).toBe(before[0].n);
  });
});
