import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { activityFailuresIn, engineEndpoints, eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { caseAction, caseView, decide, fileCase, openTask } from './case-api';
import { as, serviceUrl } from './system';

interface Attention {
  activity: string;
  code: string;
  message: string;
}

/** As someone with the database owner's rights: here, the one who makes (and later mends) what stalls the case. */
async function asOwner(sql: string): Promise<void> {
  const db = new PgClient({ connectionString: engineEndpoints().databaseUrl });
  await db.connect();
  try {
    await db.query(sql);
  } finally {
    await db.end();
  }
}

describe('a case whose step fails on bad data stalls, flagged, and goes on once the fix is reported', () => {
  const browser = browserForSuite();

  it('the clerk sees why it waits; the county administrator reports the fix and the case goes on', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const accept = await openTask(filed.caseId, 0);
    // A rule of the database the decision's record breaks (what a NUL in an opinion did before the edge refused it).
    const marker = `无法保存的意见-${randomBytes(4).toString('hex')}`;
    const rule = `e2e_refuses_${randomBytes(4).toString('hex')}`;
    await asOwner(
      `ALTER TABLE approval.review_tasks ADD CONSTRAINT ${rule} CHECK (opinion IS DISTINCT FROM '${marker}') NOT VALID`,
    );
    try {
      expect((await decide(accept, { outcome: 'approve', opinion: marker })).status).toBe(202);
      const stalled = await eventually('the case flagged for attention', async () => {
        const view = (await caseView(filed.caseId)) as { attention?: Attention };
        return view.attention;
      });
      // 受理's record is written as 审核's task opens (one activity since workflow v11).
      expect(stalled).toEqual(expect.objectContaining({ activity: 'handOverReviewTask', code: '23514' }));

      const clerk = await freshPage(browser());
      await clerk.setViewportSize({ width: 1280, height: 900 });
      await logIn(clerk, 'zz-town-window');
      await clerk.goto(`${workbench}/#/cases/${encodeURIComponent(filed.caseId)}`);
      await expectText(clerk.locator('.attention'), '办件已暂停，需人工处理');
      await expectText(clerk.locator('.attention'), '记录环节的办理结果并把待办送到下一环节');
      // What went wrong in words; the database's code is for the administrator.
      await expectText(clerk.locator('.attention'), '不符合数据库的校验规则');
      // 审核 is the case's step, but its task has not reached the town's reviewers.
      await expectText(clerk.locator('.facts'), '审核（');
      await expectText(clerk.locator('.facts'), '待办尚未送达办理单位（办件已暂停，见上方提示）');
      await clerk.screenshot({ path: join(SHOTS, 'case-stalled.png'), fullPage: true });
      await clerk.context().close();
      // Only the county's administrator reports the fix.
      const byClerk = await caseAction(filed.caseId, 'stalled-step-retry', { note: '想重试' });
      expect(byClerk.status).toBe(403);
    } finally {
      await asOwner(`ALTER TABLE approval.review_tasks DROP CONSTRAINT ${rule}`);
    }

    const admin = await freshPage(browser());
    await admin.setViewportSize({ width: 1280, height: 900 });
    await logIn(admin, 'zz-admin');
    await admin.goto(`${workbench}/#/cases/${encodeURIComponent(filed.caseId)}`);
    await admin.getByText('重新执行暂停的环节').click();
    await admin.getByLabel('已如何排除问题（记入审计记录）').fill('已撤下误加的数据库约束');
    await admin.screenshot({ path: join(SHOTS, 'case-stalled-admin.png'), fullPage: false });
    await admin.getByRole('button', { name: '重新执行', exact: true }).click();
    await expectText(admin.locator('.action-message'), '已办理：重新执行暂停的环节');
    await admin.context().close();

    const review = await openTask(filed.caseId, 1);
    expect(review.stepName).toBe('审核');
    expect(((await caseView(filed.caseId)) as { attention?: Attention }).attention).toBeUndefined();
    const again = await caseAction(filed.caseId, 'stalled-step-retry', { note: '再来' }, as('zz-admin'));
    expect([again.status, again.body.code]).toEqual([409, 'CASE.NOTHING_TO_RETRY']);

    // On the record: what stalled it, and who reported what fix.
    const events = await eventually('the stall and the retry on the record', async () => {
      const { body } = await as('zz-auditor').get<
        { type: string; envelope: { payload: { note?: string } } }[]
      >(`${serviceUrl('audit')}/audit/streams/${filed.caseId}/events`);
      return body.some((event) => event.type === 'routing.case-unstalled') ? body : undefined;
    });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['routing.case-stalled', 'routing.case-unstalled']),
    );
    expect(events.find((event) => event.type === 'routing.case-unstalled')?.envelope.payload.note).toBe(
      '已撤下误加的数据库约束',
    );
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('one mistake that stalls two steps takes one fix and one retry', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    // One faulty change to the database, in two of its rules: the seal's documents of this case and 决定's task of
    // this case are refused.
    const rule = `e2e_refuses_${randomBytes(4).toString('hex')}`;
    await asOwner(
      `ALTER TABLE seal.documents ADD CONSTRAINT ${rule} CHECK (case_id IS DISTINCT FROM '${filed.caseId}') NOT VALID;
       ALTER TABLE approval.review_tasks ADD CONSTRAINT ${rule}
         CHECK (case_id IS DISTINCT FROM '${filed.caseId}' OR step_name <> '决定') NOT VALID`,
    );
    const temporal = new Client({
      connection: await Connection.connect({ address: engineEndpoints().temporalAddress }),
    });
    try {
      expect((await decide(await openTask(filed.caseId, 0), { outcome: 'approve' })).status).toBe(202);
      // 审核 opens while the 受理通知书 is refused: the case is flagged for the notice.
      const review = await openTask(filed.caseId, 1);
      await eventually('the notice flagged', async () => {
        const view = (await caseView(filed.caseId)) as { attention?: Attention };
        return view.attention?.activity === 'issueDocument' ? view.attention : undefined;
      });
      // The reviewer's decision is taken; its hand-over to 决定 is refused as well and waits behind the notice.
      expect((await decide(review, { outcome: 'approve' })).status).toBe(202);
      await eventually('the hand-over to 决定 refused', async () => {
        const history = await temporal.workflow.getHandle(filed.caseId).fetchHistory();
        return activityFailuresIn(history.events ?? [], 'handOverReviewTask') > 0 ? true : undefined;
      });
      expect(((await caseView(filed.caseId)) as { attention?: Attention }).attention?.activity).toBe(
        'issueDocument',
      );
    } finally {
      await temporal.connection.close();
      await asOwner(
        `ALTER TABLE seal.documents DROP CONSTRAINT ${rule}; ALTER TABLE approval.review_tasks DROP CONSTRAINT ${rule}`,
      );
    }

    const retried = await caseAction(
      filed.caseId,
      'stalled-step-retry',
      { note: '已撤下误加的两条数据库约束' },
      as('zz-admin'),
    );
    expect(retried.status).toBe(202);
    // The one retry runs both again: 决定 opens, the notice is issued, and nothing is flagged.
    const decision = await openTask(filed.caseId, 2);
    expect(decision.stepName).toBe('决定');
    expect(((await caseView(filed.caseId)) as { attention?: Attention }).attention).toBeUndefined();
    const events = await eventually('the notice issued and the retry on the record', async () => {
      const { body } = await as('zz-auditor').get<{ type: string }[]>(
        `${serviceUrl('audit')}/audit/streams/${filed.caseId}/events`,
      );
      const types = body.map((event) => event.type);
      return types.includes('routing.case-unstalled') && types.includes('seal.document-stamped')
        ? types
        : undefined;
    });
    expect(events.filter((type) => type === 'routing.case-stalled')).toHaveLength(1);
    expect(events.filter((type) => type === 'routing.case-unstalled')).toHaveLength(1);
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('a milestone routing records inside the case’s own work (the acceptance) stalls the case instead of ending it', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    // A rule the acceptance's record of this case breaks: routing writes it on the worker that runs the case (a local
    // activity), whose refusal ended the case's workflow for good before 2026-12-08.
    const rule = `e2e_refuses_${randomBytes(4).toString('hex')}`;
    await asOwner(
      `ALTER TABLE routing.routed_cases ADD CONSTRAINT ${rule}
         CHECK (case_id IS DISTINCT FROM '${filed.caseId}' OR accepted_at IS NULL) NOT VALID`,
    );
    try {
      expect((await decide(await openTask(filed.caseId, 0), { outcome: 'approve' })).status).toBe(202);
      const stalled = await eventually('the acceptance flagged', async () => {
        const view = (await caseView(filed.caseId)) as { attention?: Attention };
        return view.attention;
      });
      expect(stalled).toEqual(expect.objectContaining({ activity: 'announce', code: '23514' }));
      expect((await caseView(filed.caseId)).acceptedOn).toBeDefined();
      // The window clerk reads which part of the work waits, in words.
      const clerk = await freshPage(browser());
      await clerk.setViewportSize({ width: 1280, height: 900 });
      await logIn(clerk, 'zz-town-window');
      await clerk.goto(`${workbench}/#/cases/${encodeURIComponent(filed.caseId)}`);
      await expectText(clerk.locator('.attention'), '通报办理进展');
      await expectText(clerk.locator('.attention'), '不符合数据库的校验规则');
      await clerk.screenshot({ path: join(SHOTS, 'case-stalled-announcement.png'), fullPage: false });
      await clerk.context().close();
    } finally {
      await asOwner(`ALTER TABLE routing.routed_cases DROP CONSTRAINT ${rule}`);
    }
    const retried = await caseAction(
      filed.caseId,
      'stalled-step-retry',
      { note: '已撤下误加的数据库约束' },
      as('zz-admin'),
    );
    expect(retried.status).toBe(202);
    // The acceptance is recorded and told; the case goes on at 审核, nothing flagged.
    const types = await eventually('the acceptance and the 受理通知书 on the record', async () => {
      const { body } = await as('zz-auditor').get<{ type: string }[]>(
        `${serviceUrl('audit')}/audit/streams/${filed.caseId}/events`,
      );
      const recorded = body.map((event) => event.type);
      return recorded.includes('routing.case-accepted') && recorded.includes('seal.document-stamped')
        ? recorded
        : undefined;
    });
    expect(types.filter((type) => type === 'routing.case-accepted')).toHaveLength(1);
    expect(((await caseView(filed.caseId)) as { attention?: Attention }).attention).toBeUndefined();
    expect((await decide(await openTask(filed.caseId, 1), { outcome: 'approve' })).status).toBe(202);
    await caseAction(filed.caseId, 'withdrawal', { reason: '测试结束' });
  });
});
