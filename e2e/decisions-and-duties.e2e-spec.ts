import { eventually } from '@oneseal/testing';
import type { Browser } from 'playwright-core';
import { expectText, freshPage, launchBrowser, logIn } from './browser';
import { caseAction, caseView, decide, fileCase, inboxOf, openTask, type Task } from './case-api';
import { as, serviceUrl } from './system';

const approval = serviceUrl('approval');
const officer = as('zz-county-mz');
const bureauLeader = as('zz-county-mz-leader');
const reviewer = as('zz-town-reviewer');

const mine = async (person: ReturnType<typeof as>, task: Task) =>
  (await inboxOf(person, '?pageSize=200')).items.find((item) => item.id === task.id);

describe('each step decides only what it may, and nobody decides what they reviewed', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a reviewer cannot refuse: the 拟不予 goes on to the decider, who decides', async () => {
    // 婚姻生育情况证明: the town accepts, reviews and decides.
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    expect((await decide(await openTask(filed.caseId, 0), { outcome: 'approve' })).status).toBe(202);
    const review = await openTask(filed.caseId, 1);
    expect(review.stepName).toBe('审核');
    const inbox = await mine(reviewer, review);
    expect(inbox?.outcomes?.map((choice) => choice.label)).toEqual(['通过（拟同意）', '退回', '拟不予']);
    const correction = await decide(review, {
      outcome: 'request-correction',
      missingMaterials: ['收入证明'],
    });
    expect(correction.status).toBe(422);
    expect(correction.body.code).toBe('APPROVAL.OUTCOME_NOT_FOR_STEP');
    const recommended = await decide(review, {
      outcome: 'reject',
      opinion: '所需证明不属于本镇出具范围，拟不予',
    });
    expect(recommended.status).toBe(202);
    const decision = await openTask(filed.caseId, 2);
    expect(decision.stepName).toBe('决定');
    const view = await caseView(filed.caseId);
    expect(view.result).toBeUndefined();
    expect(view.history.map((record) => `${record.kind}:${record.outcome}`)).toEqual([
      '受理:approve',
      '审核:reject',
    ]);
    expect((await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' })).status).toBe(202);
  });

  it('keeps the officer who reviewed a case from deciding it; the bureau’s leader decides', async () => {
    // 老年人高龄补贴发放: the town accepts, 县民政局 reviews and decides.
    const filed = await fileCase({ matterCode: 'ZZ-T-001', channel: 'town-window' });
    expect((await decide(await openTask(filed.caseId, 0), { outcome: 'approve' })).status).toBe(202);
    const review = await openTask(filed.caseId, 1);
    expect(review.stepName).toBe('审核');
    expect((await decide(review, { outcome: 'approve' }, officer)).status).toBe(202);
    const decision = await openTask(filed.caseId, 2);
    expect(decision.stepName).toBe('决定');

    const forOfficer = await mine(officer, decision);
    expect(forOfficer).toEqual(expect.objectContaining({ canAct: false, separatedFrom: '审核' }));
    const claim = await officer.post<{ code: string; message: string }>(
      `${approval}/tasks/${decision.id}/claim`,
      {},
    );
    expect(claim.status).toBe(403);
    expect(claim.body.code).toBe('APPROVAL.DUTIES_NOT_SEPARATED');
    const decided = await decide(decision, { outcome: 'approve' }, officer);
    expect(decided.status).toBe(403);
    expect(decided.body.message).toContain('审批分离');

    // The officer's inbox says why there is no 办理 for them, in the browser too.
    const page = await freshPage(browser);
    await logIn(page, 'zz-county-mz');
    const row = page.locator('tr', { hasText: filed.receiptNumber });
    await expectText(row, '您办理过本件审核，由他人办理');
    expect(await row.getByRole('button', { name: '办理' }).count()).toBe(0);
    await page.context().close();

    expect((await mine(bureauLeader, decision))?.canAct).toBe(true);
    expect((await decide(decision, { outcome: 'approve', opinion: '同意' }, bureauLeader)).status).toBe(202);
    const decidedView = await eventually('the decision on the case record', async () => {
      const view = await caseView(filed.caseId);
      return view.history.length === 3 ? view : undefined;
    });
    expect(decidedView.history.map((record) => record.handlerName)).toEqual([
      '南村镇受理窗口（演示）',
      '泽州县民政局审批人员（演示）',
      '泽州县民政局分管负责人（演示）',
    ]);
    // Handed over at the window, so the case does not stay open to run late.
    const delivery = await openTask(filed.caseId, 3);
    expect(delivery.stepName).toBe('送达');
    expect((await decide(delivery, { outcome: 'approve', opinion: '已送达申请人' })).status).toBe(202);
  });
});
