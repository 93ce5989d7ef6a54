import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { messagesTo, randomPhone, signInWithSmsCode } from './applicant';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

const TOWN = '140525100';

/** 南村镇's hall as its administrator sets it up (an earlier run may have done so: setting it again is the same). */
async function openTheHall(): Promise<void> {
  const set = await as('zz-admin').put(`${serviceUrl('intake')}/hall/${TOWN}/settings`, {
    windows: [
      { number: 1, name: '社会事务窗口', categories: ['social-assistance', 'social-security', 'health'] },
      { number: 2, name: '综合受理窗口', categories: ['rural', 'general'] },
    ],
    slots: ['09:00-10:00', '10:00-11:00', '15:00-16:00', '16:00-17:00'],
    slotCapacity: 30,
    bookDaysAhead: 5,
  });
  expect(set.status).toBe(200);
}

describe('预约 and 叫号: a villager books a visit from a phone; in the hall a number is taken and called', () => {
  const browser = browserForSuite();

  beforeAll(openTheHall);

  it('books a slot with places left, gets the SMS and a reminder set for the evening before, and can cancel', async () => {
    const phone = randomPhone();
    const page = await freshPage(browser());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${workbench}/#/center/${TOWN}`);
    await page.getByRole('link', { name: /网上预约/ }).click();
    await signInWithSmsCode(page, phone);
    const form = page.locator('form.booking');
    await Promise.all([
      // The places left are then those of the windows that handle this matter.
      page.waitForResponse((response) => response.url().includes('/slots?matterCode=')),
      form.getByLabel('办理事项').selectOption({ label: '临时救助' }),
    ]);
    await form.getByLabel('办事人姓名').fill('李桂兰');
    // A day after tomorrow: the reminder goes at 18:00 the evening before, and a visit booked after that evening gets
    // none (booked at 19:00 for tomorrow morning) — this run must see one set, whatever the time of day.
    const tomorrow = new Date(Date.now() + (8 + 24) * 3_600_000).toISOString().slice(0, 10); // Beijing's
    const open = form.locator('.slot:not(.full) input');
    const values = await open.evaluateAll((inputs) =>
      inputs.map((input) => (input as unknown as { value: string }).value),
    );
    const later = values.findIndex((value) => value.split('|')[0] > tomorrow);
    expect(later).toBeGreaterThanOrEqual(0);
    const firstOpen = open.nth(later);
    const [day, slot] = ((await firstOpen.getAttribute('value')) as string).split('|');
    await firstOpen.check();
    await page.screenshot({ path: join(SHOTS, 'book-visit.png'), fullPage: true });
    await form.getByRole('button', { name: '预约' }).click();
    await expectText(page.locator('.view-book'), '预约成功');
    await expectText(page.locator('.view-book'), slot);
    await page.screenshot({ path: join(SHOTS, 'book-visit-done.png'), fullPage: true });

    // The confirmation goes out at once; the reminder waits for 18:00 the evening before.
    const sent = await eventually('the booking SMS', async () => {
      const messages = await messagesTo(phone);
      return messages.some((message) => message.template === 'appointmentBooked' && message.status === 'sent')
        ? messages
        : undefined;
    });
    const confirmation = sent.find((message) => message.template === 'appointmentBooked')?.body;
    expect(confirmation).toContain('南村镇便民服务中心');
    // The code the ticket machine asks for beside the number.
    expect(confirmation).toMatch(/取号码\d{4}/);
    expect(sent.find((message) => message.template === 'appointmentReminder')?.status).toBe('pending');

    // Listed under 我的预约, and cancelled from there: the reminder is never sent.
    const mine = page.locator('.view-book .mine');
    await expectText(mine, '已预约');
    await mine.getByRole('button', { name: '取消预约' }).click();
    await expectText(page.locator('.view-book .mine'), '已取消');
    await eventually('the reminder cancelled', async () =>
      (await messagesTo(phone)).find((message) => message.template === 'appointmentReminder')?.status ===
      'cancelled'
        ? true
        : undefined,
    );
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a village agent books for someone of the village, with that person’s number', async () => {
    const phone = randomPhone();
    const { body: open } = await as('zz-village-agent').get<{
      days: { date: string; slots: { slot: string }[] }[];
    }>(`${serviceUrl('intake')}/hall/${TOWN}/slots`);
    const day = open.days.find((each) => each.slots.length) as { date: string; slots: { slot: string }[] };
    const booked = await as('zz-village-agent').post<{ bookedByName: string; status: string }>(
      `${serviceUrl('intake')}/hall/appointments`,
      {
        town: TOWN,
        day: day.date,
        slot: day.slots[0].slot,
        matterCode: 'ZZ-T-001',
        applicantName: '赵大爷',
        applicantPhone: phone,
      },
    );
    expect(booked).toEqual({
      status: 201,
      body: expect.objectContaining({ status: 'booked', bookedByName: expect.stringContaining('代办员') }),
    });
    // Another town's center is not the agent's to book.
    const elsewhere = await as('zz-village-agent').post(`${serviceUrl('intake')}/hall/appointments`, {
      town: '140525101',
      day: day.date,
      slot: day.slots[0].slot,
      matterCode: 'ZZ-T-001',
      applicantName: '赵大爷',
      applicantPhone: randomPhone(),
    });
    expect(elsewhere.status).toBe(403);
  });

  it('takes numbers at the ticket machine, calls them to a window, and shows the call on the hall screen', async () => {
    const machine = await freshPage(browser());
    await machine.setViewportSize({ width: 1024, height: 768 });
    await logIn(machine, 'zz-town-window');
    await machine.goto(`${workbench}/#/ticket`);
    await machine.getByRole('button', { name: '民政救助' }).click();
    const slip = machine.locator('.ticket-slip');
    await expectText(slip, '前面还有');
    const ticket = ((await slip.locator('.ticket-number').innerText()) as string).trim();
    expect(ticket).toMatch(/^B\d{3}$/);
    await machine.screenshot({ path: join(SHOTS, 'hall-ticket.png') });

    // The window serving 民政救助 calls until it reaches this number (earlier runs may have left some waiting).
    const window = await freshPage(browser());
    await logIn(window, 'zz-town-window');
    await window.goto(`${workbench}/#/queue`);
    await window.getByLabel('本窗口').selectOption({ label: '1号 社会事务窗口' });
    await eventually(`${ticket} called`, async () => {
      await Promise.all([
        window.waitForResponse((response) => response.url().includes('/calls')),
        window.getByRole('button', { name: '叫下一位' }).click(),
      ]);
      await window.waitForTimeout(100);
      const calling = await window.locator('.calling').innerText();
      if (calling.includes('暂无人等候')) throw new Error(`${ticket} was never called`);
      return calling.includes(ticket) ? true : undefined;
    });
    await expectText(window.locator('.calling'), '号到 1 号窗口');
    await window.screenshot({ path: join(SHOTS, 'hall-call.png') });

    const screen = await freshPage(browser());
    await screen.setViewportSize({ width: 1600, height: 900 });
    await screen.goto(`${workbench}/#/hall/${TOWN}`);
    await expectText(screen.locator('.hall-board'), `请 ${ticket} 号到 1 号窗口办理`);
    await expectText(screen.locator('.hall-board'), '社会事务窗口');
    await screen.screenshot({ path: join(SHOTS, 'hall-screen.png') });

    // Supervision sees the waiting of the day.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const { body: waiting } = await as('zz-supervisor').get<{ town: string; called: number }[]>(
      `${serviceUrl('intake')}/supervision/hall-waiting?county=140525&from=${today}&to=${today}`,
    );
    expect(waiting.find((town) => town.town === TOWN)?.called).toBeGreaterThan(0);
  });
});
