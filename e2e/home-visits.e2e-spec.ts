import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { messagesTo, randomPhone, signInWithSmsCode } from './applicant';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

describe('上门服务: someone who cannot come in asks the village station, whose agent sets a day and records the visit', () => {
  const browser = browserForSuite();

  it('asks from a phone, reaches the station’s inbox, gets the day by SMS, and ends recorded', async () => {
    const phone = randomPhone();
    const page = await freshPage(browser());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${workbench}/#/center/140525100`);
    await page.getByRole('link', { name: /上门服务/ }).click();
    await signInWithSmsCode(page, phone);
    const form = page.locator('form.home-visit');
    await form.getByLabel(/上门代办/).check();
    await form.getByLabel('所在村（社区）').selectOption({ label: '原家村委会' });
    await form.getByLabel('要办理的事项').selectOption({ label: '老年人高龄补贴发放' });
    await form.getByLabel('办事人姓名').fill('赵大爷');
    await form.getByLabel('上门地址').fill('原家村三组 12 号');
    await form.getByLabel('不便到场的原因').selectOption('年老体弱');
    await form.getByRole('button', { name: '提交申请' }).click();
    await expectText(page.locator('.view-home-visit'), '上门服务申请已提交');
    await expectText(page.locator('.view-home-visit .mine'), '待约定');
    await page.screenshot({ path: join(SHOTS, 'home-visit-phone.png'), fullPage: true });

    // The station's inbox is told; its agent sets the day and the applicant is told by SMS.
    const agent = as('zz-village-agent');
    await eventually('the request in the station’s inbox', async () => {
      const { body } = await agent.get<{ items: { body: string }[] }>(
        `${serviceUrl('notification')}/notifications/inbox`,
      );
      return body.items.some((message) => message.body.includes('赵大爷')) ? true : undefined;
    });
    const clerk = await freshPage(browser());
    await clerk.setViewportSize({ width: 1440, height: 900 });
    await logIn(clerk, 'zz-village-agent');
    await clerk.goto(`${workbench}/#/visits`);
    const row = clerk.locator('.visits tr', { hasText: '原家村三组 12 号' }).first();
    const visitOn = new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10);
    await row.getByLabel('上门日期').fill(visitOn);
    await row.getByRole('button', { name: '约定并短信告知' }).click();
    await expectText(clerk.locator('.message'), '已约定上门日期');
    await clerk.screenshot({ path: join(SHOTS, 'home-visits-station.png') });
    const told = await eventually('the SMS of the day', async () =>
      (await messagesTo(phone)).find(
        (message) => message.template === 'homeVisitScheduled' && message.status === 'sent',
      ),
    );
    expect(told.body).toContain('上门代办');
    expect(told.body).toContain('原家村代办员');

    const scheduledRow = clerk.locator('.visits tr', { hasText: '原家村三组 12 号' }).first();
    await scheduledRow.getByLabel('办理情况').fill('已上门收取材料，代为提交申请');
    await scheduledRow.getByRole('button', { name: '记录办理' }).click();
    await expectText(clerk.locator('.message'), '已记录上门办理情况');
    await page.reload();
    await expectText(page.locator('.view-home-visit .mine'), '已办理');

    // Another village's agent does not see it; another village's visit is not this agent's to schedule.
    const others = await as('zz-town-reviewer').get(`${serviceUrl('intake')}/home-visits`);
    expect(others.status).toBe(403);
  });
});
