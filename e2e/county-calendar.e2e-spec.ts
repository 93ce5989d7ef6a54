import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually } from '@oneseal/testing';
import type { Browser } from 'playwright-core';
import { expectText, freshPage, launchBrowser, logIn, workbench } from './browser';
import { decide, fileCase, tasksOf, type CaseView } from './case-api';
import { as, getJson, serviceUrl } from './system';

const SHOTS = process.env.ONESEAL_SCREENSHOTS ?? join(process.cwd(), '.oneseal', 'screenshots');
const intake = serviceUrl('intake');
const routing = serviceUrl('routing');
const QINSHUI = '140521';
const days = `${routing}/calendar/counties/${QINSHUI}/days`;
const watcher = as('qs-supervisor');
const admin = as('qs-admin');

/** 沁水县's catalogue as its administrator publishes it (the catalogue-import test does it through the console). */
async function qinshuiMatter(name: string): Promise<string> {
  const list = async () =>
    (
      await getJson<{ total: number; items: { code: string; name: string }[] }>(
        `${intake}/catalogue/matters?county=${QINSHUI}&level=town&pageSize=5&q=${encodeURIComponent(name)}`,
      )
    ).body;
  if ((await list()).total === 0) {
    const preview = await admin.upload<{ id: string }>(
      `${intake}/catalogue/imports`,
      { county: QINSHUI },
      {
        name: 'qinshui-starter-list.tsv',
        content: readFileSync(resolve(__dirname, '../seeds/catalogue/qinshui-starter-list.tsv')),
      },
    );
    const published = await admin.post(`${intake}/catalogue/imports/${preview.body.id}/publish`, {});
    expect([200, 201]).toContain(published.status);
  }
  const [matter] = (await list()).items.filter((item) => item.name === name);
  return matter.code;
}

const caseOf = (caseId: string) => watcher.get<CaseView>(`${routing}/cases/${caseId}`);
const smsOf = async (caseId: string) =>
  (await watcher.get<{ body: string }[]>(`${serviceUrl('notification')}/notifications?caseId=${caseId}`))
    .body;
const chineseDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

describe('a county’s own working days: set by its administrator, counted in its cases at once', () => {
  let browser: Browser;
  let dayOff: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    // A failed run must not leave 沁水县 a day off that later tests would count.
    if (dayOff) await admin.del(`${days}/${dayOff}`);
    await browser?.close();
  });

  it('沁水县 gives its cases’ due day off in the console: the date moves, the applicant is told, and back again', async () => {
    const filed = await fileCase(
      {
        matterCode: await qinshuiMatter('婚姻生育情况证明'),
        channel: 'town-window',
        county: QINSHUI,
        town: '140521100',
      },
      {},
      as('qs-town-window'),
    );
    const acceptance = await eventually('the 受理 task', async () => {
      const [task] = await tasksOf(filed.caseId, watcher);
      return task?.status === 'open' ? task : undefined;
    });
    expect((await decide(acceptance, { outcome: 'approve' })).status).toBe(202);
    const accepted = await eventually('the committed date', async () => {
      const { body } = await caseOf(filed.caseId);
      return body.committedDeadline ? body.committedDeadline.dueDate : undefined;
    });

    // The due day itself becomes a day off for 沁水县: the case is now due on the next working day.
    dayOff = accepted;
    const page = await freshPage(browser);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await logIn(page, 'qs-admin');
    await page.goto(`${workbench}/#/calendar`);
    const form = page.locator('form.county-day-form');
    await form.locator('input[name=date]').fill(accepted);
    await form.locator('select[name=working]').selectOption('false');
    await form.locator('input[name=reason]').fill('县政府关于暴雪天气停止办公一天的通知');
    await form.getByRole('button', { name: '保存并重算本县在办案件期限' }).click();
    await expectText(form.locator('.day-message'), `已设定本县 ${accepted} 放假`);
    await expectText(form.locator('.day-message'), '在办案件正按新的日历重算期限');
    await expectText(page.locator('.county-days'), '县政府关于暴雪天气停止办公一天的通知');
    // The cases are told in the background; the list of 期限重算 follows it to the end, naming the change.
    const latestRun = page.locator('.recalculations tbody tr').first();
    await expectText(latestRun, `本县工作日调整：${accepted} 放假（县政府关于暴雪天气停止办公一天的通知）`);
    await expectText(latestRun, '沁水县');
    await expectText(latestRun, '已完成：通知');
    await page.screenshot({ path: join(SHOTS, 'calendar-county-day.png'), fullPage: true });
    await page.context().close();

    const moved = await eventually('the moved committed date', async () => {
      const { body } = await caseOf(filed.caseId);
      const due = body.committedDeadline?.dueDate;
      return due && due !== accepted ? due : undefined;
    });
    expect(moved > accepted).toBe(true);
    await eventually('the SMS telling the applicant', async () =>
      (await smsOf(filed.caseId)).find((sms) =>
        sms.body.includes(`因工作日安排调整，承诺办结日期改为${chineseDate(moved)}`),
      ),
    );

    // Only 沁水县's administrator keeps 沁水县's days, and no county may work a statutory holiday.
    const other = await as('zz-admin').put<{ code: string }>(`${days}/${accepted}`, {
      working: false,
      reason: '越权',
    });
    expect([other.status, other.body.code]).toEqual([403, 'CALENDAR.OTHER_COUNTY']);
    const holiday = await admin.put<{ code: string; message: string }>(`${days}/2027-01-01`, {
      working: true,
      reason: '加班',
    });
    expect([holiday.status, holiday.body.code]).toEqual([400, 'CALENDAR.INVALID_COUNTY_DAY']);
    expect(holiday.body.message).toContain('2027-01-01 是法定节假日，县里不能调整为上班');

    const removed = await admin.del<{ removed: boolean; recalculation: { openCases: number } }>(
      `${days}/${accepted}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.recalculation.openCases).toBeGreaterThan(0);
    dayOff = undefined;
    await eventually('the committed date back where it was', async () =>
      (await caseOf(filed.caseId)).body.committedDeadline?.dueDate === accepted ? true : undefined,
    );
    expect((await admin.del<{ code: string }>(`${days}/${accepted}`)).body.code).toBe('CALENDAR.DAY_NOT_SET');
  });
});
