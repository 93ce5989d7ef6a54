import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { caseView, decide, fileCase, tasksOf, watcher, type Task } from './case-api';
import { serviceUrl } from './system';

/** The next open step of the case, once the previous one has been taken. */
const nextOpenStep = (caseId: string, after: string[]) =>
  eventually(`the next step of ${caseId}`, async () =>
    (await tasksOf(caseId)).find((task) => task.status === 'open' && !after.includes(task.id)),
  );

describe('邮寄送达: the window posts the result and records the carrier and tracking number', () => {
  const browser = browserForSuite();

  it('refuses a posted delivery without them, and tells the applicant the tracking number', async () => {
    const filed = await fileCase({
      matterCode: 'ZZ-T-007',
      channel: 'town-window',
      deliveryMethod: 'express',
      deliveryAddress: '泽州县南村镇东村二组 18 号',
    });
    const taken: string[] = [];
    let delivery: Task | undefined;
    while (!delivery) {
      const task = await nextOpenStep(filed.caseId, taken);
      if (task.stepName === '送达') {
        delivery = task;
        break;
      }
      expect((await decide(task, { outcome: 'approve' })).status).toBe(202);
      taken.push(task.id);
    }
    // The clerk's 送达 form starts from what the applicant asked for: posted, so it asks for the carrier and number.
    const clerk = await freshPage(browser());
    await logIn(clerk, 'zz-town-window');
    await clerk.goto(`${workbench}/#/inbox`);
    await clerk.locator('form.task-search input[name=q]').fill(filed.receiptNumber);
    await clerk.locator('form.task-search').getByRole('button', { name: '查找' }).click();
    const row = clerk.locator('tr', { has: clerk.locator(`a[href="#/cases/${filed.caseId}"]`) });
    await expectText(row, '送达', () => clerk.getByRole('button', { name: '刷新' }).click());
    await row.getByRole('button', { name: '办理' }).click();
    const form = clerk.locator('dialog.decision fieldset.delivery');
    await form.getByLabel('快递公司').waitFor({ state: 'visible' });
    expect(await form.getByLabel('送达方式').inputValue()).toBe('express');
    await expect(form.getByLabel('快递单号').isVisible()).resolves.toBe(true);
    await form.screenshot({ path: join(SHOTS, 'delivery-posted.png') });
    await clerk.context().close();

    const posted = {
      method: 'express',
      recipient: '周九',
      deliveredOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    };
    const without = await decide(delivery, { outcome: 'approve', delivery: posted });
    expect(without.status).toBe(400);
    expect(JSON.stringify(without.body)).toContain('快递公司');
    const done = await decide(delivery, {
      outcome: 'approve',
      delivery: { ...posted, carrier: '中国邮政EMS', trackingNumber: 'EA123456789CN' },
    });
    expect(done.status).toBe(202);
    await eventually('the case delivered', async () =>
      (await caseView(filed.caseId)).stage === 'concluded' ? true : undefined,
    );
    const told = await eventually('the SMS with the tracking number', async () => {
      const { body } = await watcher.get<{ body: string; recipientKind: string }[]>(
        `${serviceUrl('notification')}/notifications?caseId=${filed.caseId}`,
      );
      return body.find((message) => message.body.includes('EA123456789CN'));
    });
    expect(told.body).toContain('由中国邮政EMS寄出');
    expect(told.recipientKind).toBe('applicant');
  });

  it('records a result the village agent brought home (上门送达) and tells the applicant so', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const taken: string[] = [];
    let delivery: Task | undefined;
    while (!delivery) {
      const task = await nextOpenStep(filed.caseId, taken);
      if (task.stepName === '送达') delivery = task;
      else {
        expect((await decide(task, { outcome: 'approve' })).status).toBe(202);
        taken.push(task.id);
      }
    }
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const broughtHome = { method: 'home', recipient: '周九', deliveredOn: today };
    const nameless = await decide(delivery, { outcome: 'approve', delivery: broughtHome });
    expect(nameless.status).toBe(400);
    expect(JSON.stringify(nameless.body)).toContain('上门送达请填写送达人');

    // The window records what the agent brought back: 上门送达 asks who carried it, the 送达人 of the 送达回证.
    const clerk = await freshPage(browser());
    await logIn(clerk, 'zz-town-window');
    await clerk.goto(`${workbench}/#/inbox`);
    await clerk.locator('form.task-search input[name=q]').fill(filed.receiptNumber);
    await clerk.locator('form.task-search').getByRole('button', { name: '查找' }).click();
    const row = clerk.locator('tr', { has: clerk.locator(`a[href="#/cases/${filed.caseId}"]`) });
    await expectText(row, '送达', () => clerk.getByRole('button', { name: '刷新' }).click());
    await row.getByRole('button', { name: '办理' }).click();
    const dialog = clerk.locator('dialog.decision');
    const form = dialog.locator('fieldset.delivery');
    await form.getByLabel('送达方式').selectOption({ label: '上门送达' });
    await form.getByLabel('送达人（上门的帮办代办员）').fill('原家村代办员王五');
    await expect(form.getByLabel('快递公司').isVisible()).resolves.toBe(false);
    await form.screenshot({ path: join(SHOTS, 'delivery-home.png') });
    await dialog.getByLabel('办理意见').fill('帮办代办员已上门送达，申请人本人签收');
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await clerk.context().close();

    const receipt = await eventually('the 送达回证', async () => {
      const { body } = await watcher.get<{ documents?: { kind: string; title: string }[] }>(
        `${serviceUrl('routing')}/cases/${filed.caseId}`,
      );
      return body.documents?.find((document) => document.kind === 'delivery-receipt');
    });
    expect(receipt.title).toBe('送达回证');
    const told = await eventually('the SMS of the home delivery', async () => {
      const { body } = await watcher.get<{ body: string }[]>(
        `${serviceUrl('notification')}/notifications?caseId=${filed.caseId}`,
      );
      return body.find((message) => message.body.includes('上门送达'));
    });
    expect(told.body).toContain('由帮办代办员上门送达');
  });
});
