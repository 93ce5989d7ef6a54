import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import {
  browserForSuite,
  expectText,
  freshPage,
  logIn,
  printedParts,
  readPdfInBrowser,
  SHOTS,
  workbench,
} from './browser';
import { fileCase } from './case-api';
import { as, getJson, postJson, serviceUrl } from './system';

interface Bulletin {
  periodKind: string;
  periodOf: string;
  title: string;
  number: string | null;
  documentId: string | null;
  created?: boolean;
}

interface Verification {
  valid: boolean;
  document?: { issuer: string; title: string; number: string; receiptNumber: string | null };
}

/** The month before this one in China (2026-11 in December 2026): the last month whose 通报 can be issued. */
function lastMonth(): string {
  const today = new Date(Date.now() + 8 * 3600_000);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

interface Scheme {
  version: number;
  indicators: { indicator: string; weight: number; perCase?: number }[];
}

describe('考核: the county scores and ranks its towns for a month and prints the 通报', () => {
  const browser = browserForSuite();

  it('shows the monthly ranking as a 通报, keeps the administrator’s scheme by version, and prints the 通报 alone', async () => {
    // A case received at 南村镇's window this month: the town has its online share to score, so it is ranked.
    await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const page = await freshPage(browser());
    await logIn(page, 'zz-admin');
    await page.goto(`${workbench}/#/assessment`);
    const bulletin = page.locator('.bulletin');
    await expectText(bulletin.locator('.bulletin-title'), '全县乡（镇）便民服务中心考核情况的通报');
    await expectText(bulletin.locator('.bulletin-title'), '月全县');
    await expectText(bulletin, '各乡（镇）人民政府：');
    await expectText(bulletin.locator('table'), '南村镇');
    await expectText(bulletin, '泽州县行政审批服务管理局');
    expect(await bulletin.innerText()).not.toMatch(/140525\d{3}|onTimeRate|overdueCount/);

    // A scheme whose points do not add up to 100 is refused with every problem named; nothing changes.
    const before = (
      await as('zz-admin').get<Scheme>(`${serviceUrl('routing')}/assessment/scheme?county=140525`)
    ).body;
    const form = page.locator('form.scheme-form');
    // Every weight typed as the administrator would set them, whatever an earlier run left: 45 + 25 + 15 + 10 + 10.
    const weights = {
      onTimeRate: 45,
      satisfactionRate: 25,
      onlineRate: 15,
      rectifyRate: 10,
      overdueCount: 10,
    };
    for (const [indicator, weight] of Object.entries(weights)) {
      await form.locator(`input[name="use-${indicator}"]`).check();
      await form.locator(`input[name="weight-${indicator}"]`).fill(String(weight));
    }
    await form.locator('input[name="perCase-overdueCount"]').fill('2');
    await form.getByLabel('调整依据').fill('县审改办关于乡镇便民服务中心考核办法的通知');
    await form.getByRole('button', { name: '保存方案' }).click();
    await expectText(page.locator('.assessment-message'), '各项分值合计应为 100 分');
    const unchanged = (
      await as('zz-admin').get<Scheme>(`${serviceUrl('routing')}/assessment/scheme?county=140525`)
    ).body;
    expect(unchanged.version).toBe(before.version);

    // 网上办件率 down by five: 100 in all, saved as the next version, the ranking recomputed on it.
    await form.locator('input[name="weight-onlineRate"]').fill('10');
    await form.getByRole('button', { name: '保存方案' }).click();
    await expectText(page.locator('.assessment-message'), '考核方案已保存');
    const after = (
      await as('zz-admin').get<Scheme>(`${serviceUrl('routing')}/assessment/scheme?county=140525`)
    ).body;
    expect(after.version).toBe(before.version + 1);
    await expectText(bulletin, `第${after.version}版`);

    // The quarter and the year are scored the same way.
    await page.locator('form.assessment-period select[name=period]').selectOption('quarter');
    await expectText(bulletin.locator('.bulletin-title'), '季度全县乡（镇）便民服务中心考核情况的通报');
    await page.locator('form.assessment-period select[name=period]').selectOption('month');
    await expectText(bulletin.locator('.bulletin-title'), '月全县乡（镇）便民服务中心考核情况的通报');
    await page.screenshot({ path: join(SHOTS, 'assessment-bulletin.png'), fullPage: true });

    // 打印通报: the 通报 alone.
    await page.evaluate('window.print = () => undefined');
    await page.getByRole('button', { name: '打印通报' }).click();
    const printed = await printedParts(page, {
      bulletin: '.bulletin',
      scheme: '.assessment-scheme',
      periodForm: 'form.assessment-period',
    });
    expect(printed).toEqual({ bulletin: true, scheme: false, periodForm: false });
  });

  it('issues last month’s 通报 under the administration’s seal, once; anyone reads it on 政务公开 and it verifies', async () => {
    const month = lastMonth();
    const routing = serviceUrl('routing');
    const page = await freshPage(browser());
    await logIn(page, 'zz-admin');
    await page.goto(`${workbench}/#/assessment`);
    await page.locator('form.assessment-period input[name=of]').fill(month);
    await page.locator('form.assessment-period').getByRole('button', { name: '查看' }).click();
    await expectText(
      page.locator('.bulletin-title'),
      `关于${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`,
    );
    const issuedBefore = (
      await as('zz-admin').get<Bulletin[]>(`${routing}/assessment/bulletins?county=140525`)
    ).body;
    // Issued once per period: on a database an earlier run used, last month's stands issued already, and the page
    // offers no second issue.
    const issueButton = page.getByRole('button', { name: '印发通报（加盖印章并向社会公开）' });
    const issuedNow = !issuedBefore.some((bulletin) => bulletin.periodOf === month);
    if (issuedNow) {
      await issueButton.click();
      await expectText(page.locator('.assessment-message'), '通报已印发：泽审批〔');
    }
    await expectText(page.locator('.bulletin-issued'), '已于');
    expect(await issueButton.count()).toBe(0);
    await expectText(page.locator('.bulletin-issued'), '加盖县行政审批服务管理局电子印章');
    const issued = (
      await as('zz-admin').get<Bulletin[]>(`${routing}/assessment/bulletins?county=140525`)
    ).body.find((bulletin) => bulletin.periodOf === month && bulletin.periodKind === 'month');
    if (!issued?.number || !issued.documentId) throw new Error(`last month's 通报 is not listed as issued`);
    await expectText(page.locator('.bulletin-number'), issued.number);
    await expectText(page.locator('.assessment-issued'), issued.number);
    await page.screenshot({ path: join(SHOTS, 'assessment-bulletin-issued.png'), fullPage: true });

    // Asked again, the same 通报 (no second 文号); this month cannot be issued before it ends; a supervisor cannot issue.
    const again = await as('zz-admin').post<Bulletin>(`${routing}/assessment/bulletins`, {
      county: '140525',
      period: 'month',
      of: month,
    });
    expect(again.body).toMatchObject({
      number: issued.number,
      documentId: issued.documentId,
      created: false,
    });
    const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const early = await as('zz-admin').post<{ code: string; message: string }>(
      `${routing}/assessment/bulletins`,
      {
        county: '140525',
        period: 'month',
        of: thisMonth,
      },
    );
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'ASSESSMENT.PERIOD_NOT_OVER',
      message: '本期考核尚未结束，期满后才能印发通报',
    });
    const bySupervisor = await as('zz-supervisor').post(`${routing}/assessment/bulletins`, {
      county: '140525',
      period: 'month',
      of: month,
    });
    expect(bySupervisor.status).toBe(403);

    // 政务公开, without a login: the 通报 listed with its 文号; the PDF opens and checks as the administration's.
    const visitor = await freshPage(browser());
    await visitor.goto(`${workbench}/#/notices`);
    const listed = visitor.locator('.notice', { hasText: issued.number });
    await expectText(listed, issued.title);
    await expectText(listed, '泽州县行政审批服务管理局');
    await visitor.screenshot({ path: join(SHOTS, 'public-notices.png'), fullPage: true });
    const download = await fetch(`${workbench}/api/seal/documents/${issued.documentId}`);
    expect(download.status).toBe(200);
    const pdf = Buffer.from(await download.arrayBuffer());
    const code = visitor
      .locator('.notice', { hasText: issued.number })
      .getByRole('link', { name: '核验真伪' });
    const verificationCode = (await code.getAttribute('href'))?.replace('#/verify/', '') ?? '';
    const checked = await postJson<Verification>(`${serviceUrl('seal')}/verification`, {
      code: verificationCode,
    });
    expect(checked.body).toMatchObject({
      valid: true,
      document: {
        issuer: '泽州县行政审批服务管理局',
        title: issued.title,
        number: issued.number,
        receiptNumber: null,
      },
    });
    const published = await getJson<{ number: string }[]>(`${serviceUrl('seal')}/notices?county=140525`);
    expect(published.body.filter((notice) => notice.number === issued.number)).toHaveLength(1);

    const ranked = (
      await as('zz-admin').get<{ towns: { townName: string; rank: number | null }[] }>(
        `${routing}/assessment/ranking?county=140525&period=month&of=${month}`,
      )
    ).body.towns
      .filter((town) => town.rank !== null)
      .map((town) => town.townName);
    // Opened in a PDF reader: the head, the 文号, the addressee, every town, the close, and the seal's verification.
    const read = await readPdfInBrowser(visitor, pdf);
    for (const words of [
      '泽州县行政审批服务管理局',
      issued.number,
      issued.title,
      '各乡（镇）人民政府：',
      // The ranked towns by name (on a fresh database last month had no case: then it says nobody was ranked). A 通报
      // an earlier run issued keeps the ranking of its day, whatever cases of that month were recorded since.
      ...(!issuedNow ? [] : ranked.length ? ranked : ['不作排名']),
      '特此通报。',
      `验证码：${verificationCode}`,
    ])
      expect(read.text.replace(/\s+/g, '')).toContain(words.replace(/\s+/g, ''));
    expect(read.text).not.toMatch(/140525\d{3}|onTimeRate/);

    // The bureau's 用印登记 holds the stamp: the 通报 by its title, no case, who asked for it.
    await page.goto(`${workbench}/#/ledger`);
    const ledgerForm = page.locator('main form.toolbar');
    await ledgerForm.getByLabel('印章').selectOption('140525-xzsp');
    await ledgerForm.getByRole('button', { name: '查询' }).click();
    const stamped = page
      .locator('.ledger tr', { hasText: issued.title })
      .filter({ hasText: '文书 PDF' })
      .last();
    await expectText(stamped, '（非办件文书）');
    await expectText(stamped, '系统自动用印');
    await expectText(stamped, '泽州县行政审批服务管理局管理员（演示）');

    // Each town is told in its 单位消息, with the way to the 通报.
    const leader = as('zz-town-leader');
    await eventually('the 通报 in the town leader’s messages', async () => {
      const inbox = await leader.get<{ items: { template: string; body: string }[] }>(
        `${serviceUrl('notification')}/notifications/inbox?kind=noticeIssued&pageSize=50`,
      );
      return inbox.body.items.find(
        (item) =>
          item.body ===
          `泽州县行政审批服务管理局印发《${issued.title}》（${issued.number}），已向社会公开，请认真对照、抓好落实。`,
      );
    });
    const leaderPage = await freshPage(browser());
    await logIn(leaderPage, 'zz-town-leader');
    await leaderPage.goto(`${workbench}/#/messages`);
    // 考核通报 only: on a database an earlier run used, the 通报 may be older than a page of other messages.
    await leaderPage.getByLabel('类别').selectOption({ label: '考核通报' });
    const told = leaderPage.locator('main tr', { hasText: issued.number });
    await expectText(told, '考核通报');
    await told.getByRole('link', { name: '查看通报' }).click();
    await expectText(leaderPage.locator('.notice', { hasText: issued.number }), issued.title);
    await visitor
      .locator('canvas.rendered-pdf')
      .screenshot({ path: join(SHOTS, 'assessment-bulletin-pdf.png') });
  });

  it('lets supervisors read the ranking but not change the scheme', async () => {
    const supervisor = as('zz-supervisor');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const ranking = await supervisor.get<{ towns: { townName: string; rank: number | null }[] }>(
      `${serviceUrl('routing')}/assessment/ranking?county=140525&period=month&of=${month}`,
    );
    expect(ranking.status).toBe(200);
    // Every town is listed; 南村镇, with this month's cases, is ranked.
    expect(ranking.body.towns.find((town) => town.townName === '南村镇')?.rank).not.toBeNull();
    const change = await supervisor.put(`${serviceUrl('routing')}/assessment/scheme?county=140525`, {
      indicators: [{ indicator: 'onTimeRate', weight: 100 }],
      reason: '试图修改',
      expectedVersion: 0,
    });
    expect(change.status).toBe(403);
  });
});
