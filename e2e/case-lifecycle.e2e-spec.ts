import { TOPICS } from '@oneseal/contracts';
import { engineEndpoints, eventually, localSystemSigner, testKafka } from '@oneseal/testing';
import { Client as PgClient } from 'pg';
import {
  caseAction,
  caseView,
  decide,
  fileCase,
  openTask,
  stageOf,
  supervised,
  tasksOf,
  watcher,
} from './case-api';
import { as, serviceUrl } from './system';

// 婚姻生育情况证明: a town-only matter (办理方式为空) — 受理, 审核, 决定 at the town, its seal, then 送达.
const TOWN_MATTER = { matterCode: 'ZZ-T-007', channel: 'town-window' };

/** Publishes the matter's guide as a 即办件 (0 working days), unless the guide in force already is one. */
async function asOnTheSpotMatter(matterCode: string): Promise<void> {
  const url = `${serviceUrl('intake')}/catalogue/matters/${matterCode}`;
  const { body: matter } = await watcher.get<{
    version: number;
    guide: {
      caseKind: string;
      legalBasis: string | null;
      materials: unknown[];
      fee: string;
      onlineDepth: number;
      onSiteVisits: number;
      appointment: boolean;
      expressDelivery: boolean;
    };
  }>(url);
  if (matter.guide.caseKind === '即办件') return;
  const published = await as('zz-admin').put(`${url}/guide`, {
    expectedVersion: matter.version,
    reason: '县确认：当场办结',
    legalBasis: matter.guide.legalBasis ?? '《蓄滞洪区运用补偿暂行办法》',
    caseKind: '即办件',
    statutoryLimitWorkingDays: null,
    committedLimitWorkingDays: 0,
    materials: matter.guide.materials,
    fee: matter.guide.fee,
    onlineDepth: matter.guide.onlineDepth,
    onSiteVisits: matter.guide.onSiteVisits,
    appointment: matter.guide.appointment,
    expressDelivery: matter.guide.expressDelivery,
  });
  expect(published.status).toBe(200);
}

describe('a case’s lifecycle on the running system', () => {
  it('(b) a 即办件 stays in the town: accepted, decided, sealed and delivered electronically the same day', async () => {
    // The county's report for today (China) counts it among the town's decisions; a reversed period is refused.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    type ReportRow = { town: string; concluded: number; approved: number };
    const report = (from: string, to: string) =>
      watcher.get<ReportRow[] | { code: string }>(
        `${serviceUrl('routing')}/supervision/report?county=140525&from=${from}&to=${to}`,
      );
    const approvedInNancun = async () => {
      const { status, body } = await report(today, today);
      expect(status).toBe(200);
      return (body as ReportRow[]).find((row) => row.town === '140525100')?.approved ?? 0;
    };
    const approvedBefore = await approvedInNancun();

    // 蓄滞洪区居民财产变更核实登记 (the town decides it) as the county confirms it a 即办件 (0 working days): the
    // window accepts, the town's leader decides, the town seals, all the same day.
    await asOnTheSpotMatter('ZZ-T-050');
    const filed = await fileCase({
      matterCode: 'ZZ-T-050',
      channel: 'town-window',
      deliveryMethod: 'electronic',
    });
    expect(filed.receiptNumber).toMatch(/^140525-\d{8}-\d{6}$/);
    const steps: string[] = [];
    const dueDates: (string | null)[] = [];
    for (let nth = 0; nth < 2; nth += 1) {
      const task = await openTask(filed.caseId, nth);
      steps.push(`${task.stepName}@${task.unitCode}`);
      dueDates.push(task.dueDate);
      expect((await decide(task, { outcome: 'approve' })).status).toBe(202);
    }
    expect(steps).toEqual(['受理@140525100-window', '决定@140525100-approval']);
    const done = await stageOf(filed.caseId, 'concluded');
    expect(done.result).toBe('准予');
    // A 即办件's committed limit is 0 working days: due the day it is accepted, and so is each of its steps.
    expect(done.committedDeadline?.dueDate).toBe(done.acceptedOn);
    expect(dueDates.slice(1)).toEqual([done.committedDeadline?.dueDate]);
    expect(done.documentId).toBeDefined();
    await eventually('the supervision view to show it done on time', async () => {
      const row = await supervised(filed.caseId);
      return row?.stage === 'delivered' && row.result === '准予' ? row : undefined;
    });

    // The town's count gained this case (end-to-end tests run one at a time; someone using the same system by
    // hand may add to it, never take from it).
    expect(await approvedInNancun()).toBeGreaterThanOrEqual(approvedBefore + 1);
    expect(await report('2026-12-31', '2026-01-01')).toEqual({
      status: 422,
      body: expect.objectContaining({ code: 'SUPERVISION.PERIOD_INVALID' }),
    });
  });

  it('an information service (法律援助咨询服务) is answered at the window: 办结 there, nothing decided, sealed or handed over', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-018', channel: 'town-window' });
    const only = await openTask(filed.caseId, 0);
    expect(`${only.stepName}@${only.unitCode}`).toBe('受理@140525100-window');
    expect((await decide(only, { outcome: 'approve', opinion: '已当场解答' })).status).toBe(202);
    const done = await stageOf(filed.caseId, 'concluded');
    expect(done).toEqual(expect.objectContaining({ result: '准予', resultText: '已办结' }));
    expect(done.documentId).toBeUndefined();
    expect((await tasksOf(filed.caseId)).map((task) => task.stepName)).toEqual(['受理']);
    const { body: ledger } = await watcher.get<unknown[]>(
      `${serviceUrl('seal')}/ledger?town=140525100&caseId=${filed.caseId}`,
    );
    expect(ledger).toEqual([]);
  });

  it('(c) 补正: asked for at 受理, once, everything at once; the clock stops until it is supplied, then 受理 looks again', async () => {
    const filed = await fileCase(TOWN_MATTER);
    const acceptance = await openTask(filed.caseId, 0);
    expect(acceptance.stepName).toBe('受理');

    const incomplete = await decide(acceptance, { outcome: 'request-correction' });
    expect(incomplete.status).toBe(400);

    const asked = await decide(acceptance, {
      outcome: 'request-correction',
      opinion: '缺少收入证明',
      missingMaterials: ['收入证明', '户口簿复印件'],
    });
    expect(asked.status).toBe(202);
    const waiting = await stageOf(filed.caseId, 'awaiting-correction');
    expect(waiting.correction?.missingMaterials).toEqual(['收入证明', '户口簿复印件']);
    expect(waiting.clockStops).toEqual([{ reason: '补正', from: expect.any(String) }]);
    await eventually('the supervision view to show the case waiting for the applicant', async () =>
      (await supervised(filed.caseId))?.stage === 'awaiting-correction' ? true : undefined,
    );

    const supplied = await caseAction(filed.caseId, 'correction-supplied', {
      suppliedMaterials: ['收入证明', '户口簿复印件'],
    });
    expect(supplied.status).toBe(202);
    const again = await openTask(filed.caseId, 1);
    expect(again.stepName).toBe('受理');
    const resumed = await caseView(filed.caseId);
    expect(resumed.clockStops[0].to).toBeDefined();
    // 行政许可法 art. 32: one 补正 per case; a second request is refused and changes nothing.
    const secondAsk = await decide(again, {
      outcome: 'request-correction',
      opinion: '还缺结婚证',
      missingMaterials: ['结婚证'],
    });
    expect(secondAsk.status).toBe(422);
    expect(secondAsk.body.code).toBe('APPROVAL.OUTCOME_NOT_FOR_STEP');
    // A 补正 notice for a case that is not waiting for one is refused, and changes nothing.
    const stray = await caseAction(filed.caseId, 'correction-supplied', {
      suppliedMaterials: ['收入证明'],
    });
    expect(stray.status).toBe(409);
    expect(stray.body.code).toBe('CASE.NO_CORRECTION_PENDING');
    expect((await decide(again, { outcome: 'approve', opinion: '材料已补齐，予以受理' })).status).toBe(202);
    // Accepted: by the time the next step's task is open the committed date has been counted.
    expect((await openTask(filed.caseId, 2)).stepName).toBe('审核');
    const accepted = await caseView(filed.caseId);
    expect(accepted.stage).toBe('in-progress');
    expect(accepted.committedDeadline?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await eventually('the supervision view to show the case running', async () =>
      (await supervised(filed.caseId))?.stage === 'in-progress' ? true : undefined,
    );
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('(d) 不予受理: the window refuses with a reason; the case ends before any clock starts', async () => {
    const filed = await fileCase(TOWN_MATTER);
    const acceptance = await openTask(filed.caseId, 0);
    const noReason = await decide(acceptance, { outcome: 'reject', opinion: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('APPROVAL.DECISION_INCOMPLETE');
    expect((await decide(acceptance, { outcome: 'reject', opinion: '不属于本中心受理范围' })).status).toBe(
      202,
    );
    const ended = await stageOf(filed.caseId, 'concluded');
    expect(ended.result).toBe('退回');
    expect(ended.acceptedOn).toBeUndefined();
    await eventually('the supervision view to show the refusal', async () =>
      (await supervised(filed.caseId))?.result === '退回' ? true : undefined,
    );
  });

  it('(e) withdrawal before the decision ends the case as 撤件 and empties the inbox', async () => {
    const filed = await fileCase(TOWN_MATTER);
    await decide(await openTask(filed.caseId, 0), { outcome: 'approve' });
    const review = await openTask(filed.caseId, 1);
    const withdrawn = await caseAction(filed.caseId, 'withdrawal', {
      reason: '申请人自愿撤回',
    });
    expect(withdrawn.status).toBe(202);
    const ended = await stageOf(filed.caseId, 'concluded');
    expect(ended.result).toBe('撤件');
    const tasks = await eventually('the open task to be cancelled', async () => {
      const all = await tasksOf(filed.caseId);
      return all.find((task) => task.id === review.id)?.status === 'cancelled' ? all : undefined;
    });
    expect(tasks.filter((task) => task.status === 'open')).toEqual([]);
    const late = await decide(review, { outcome: 'approve' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('APPROVAL.TASK_CANCELLED');
    const again = await caseAction(filed.caseId, 'withdrawal', { reason: '再撤' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE.ALREADY_DECIDED');
  });

  it('(f) a redelivered submission event starts nothing new', async () => {
    const filed = await fileCase(TOWN_MATTER);
    await openTask(filed.caseId, 0);
    const db = new PgClient({ connectionString: engineEndpoints().databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ envelope: object }>(
      `SELECT envelope FROM intake.outbox WHERE message_key = $1 AND topic = $2`,
      [filed.caseId, TOPICS.applicationSubmittedV1],
    );
    await db.end();
    expect(rows).toHaveLength(1);

    const kafka = testKafka();
    const producer = kafka.producer();
    await producer.connect();
    // Exactly as intake published it, signature included: only the dedupe may stop it.
    const value = JSON.stringify(rows[0].envelope);
    const [sent] = await producer.send({
      topic: TOPICS.applicationSubmittedV1,
      messages: [{ key: filed.caseId, value, headers: localSystemSigner('intake').headersFor(value) }],
    });
    await producer.disconnect();

    // Routing has consumed past the redelivered message once its group's committed offset is beyond it.
    const admin = kafka.admin();
    await admin.connect();
    await eventually(
      'routing to consume the redelivered event',
      async () => {
        const [offsets] = await admin.fetchOffsets({
          groupId: 'oneseal.routing',
          topics: [TOPICS.applicationSubmittedV1],
        });
        const partition = offsets.partitions.find((p) => p.partition === sent.partition);
        return partition && Number(partition.offset) > Number(sent.baseOffset) ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
    await admin.disconnect();
    expect(await tasksOf(filed.caseId)).toHaveLength(1);
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });
});
