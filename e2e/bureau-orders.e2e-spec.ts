import { eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, workbench } from './browser';
import { decide, fileCase, openTask, tasksOf } from './case-api';
import { as, serviceUrl } from './system';

describe('督办答复: a county bureau answers the 督办 about a case waiting at it', () => {
  const browser = browserForSuite();

  it('is told in 单位消息, opens its own 督办答复 screen from the message, and answers there', async () => {
    // 城乡居民基本养老保险变更登记: accepted at 南村镇's window, then reviewed by the county's 人社局.
    const filed = await fileCase({ matterCode: 'ZZ-T-033', channel: 'town-window' });
    expect(
      (await decide(await openTask(filed.caseId, 0), { outcome: 'approve', opinion: '材料齐全，予以受理' }))
        .status,
    ).toBe(202);
    const review = await eventually('the review waiting at the bureau', async () =>
      (await tasksOf(filed.caseId)).find((task) => task.status === 'open' && task.unitCode === '140525-rs'),
    );
    const answerBy = new Date(Date.now() + (8 + 48) * 3600_000).toISOString().slice(0, 10);
    // Routing learns that the case waits at the bureau from the task's event, a moment after approval lists the task:
    // until then the 督办 is refused as for a case with no open step (a refusal creates nothing), as a supervisor
    // would see it.
    const ordered = await eventually(
      'the 督办 taken once routing knows the case waits at the bureau',
      async () => {
        const reply = await as('zz-supervisor').post<{ id: string; unitCode: string; code?: string }>(
          `${serviceUrl('routing')}/supervision/orders`,
          { caseId: filed.caseId, kind: '催办', requirement: '请加快审核，按期办结', answerBy },
        );
        return reply.body.code === 'SUPERVISION_ORDER.CASE_NOT_WAITING' ? undefined : reply;
      },
    );
    expect(ordered.status).toBe(201);
    expect(ordered.body.unitCode).toBe(review.unitCode);

    const page = await freshPage(browser());
    await logIn(page, 'zz-county-rs');
    await page.goto(`${workbench}/#/messages`);
    const message = page.locator('main tr', { hasText: filed.receiptNumber }).filter({ hasText: '督办催办' });
    await expectText(message, '请加快审核，按期办结', () =>
      page.getByRole('button', { name: '刷新' }).click(),
    );
    await message.getByRole('link', { name: '答复督办' }).click();
    await expectText(page.locator('main h2'), '督办答复');
    const row = page.locator('.orders tr', { hasText: filed.receiptNumber });
    await row.getByLabel('答复').fill('已安排专人当日审核完毕');
    await row.getByRole('button', { name: '提交答复' }).click();
    await expectText(page.locator('.orders-message'), '已答复督办');
    await expectText(page.locator('.orders tr', { hasText: filed.receiptNumber }), '已答复');

    // The county is told, naming what was answered.
    await eventually('the answer in the county’s messages', async () => {
      const { body } = await as('zz-supervisor').get<{ items: { caseId: string; body: string }[] }>(
        `${serviceUrl('notification')}/notifications/inbox?kind=supervisionAnswered&pageSize=50`,
      );
      return body.items.find((item) => item.caseId === filed.caseId && item.body.startsWith('催办已答复'));
    });
  });
});
