import { join } from 'node:path';
import { browserForSuite, expectText, freshPage, logIn, printedParts, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

interface Scheme {
  version: number;
  indicators: { indicator: string; weight: number; perCase?: number }[];
}

describe('考核: the county scores and ranks its towns for a month and prints the 通报', () => {
  const browser = browserForSuite();

  it('shows the monthly ranking as a 通报, keeps the administrator’s scheme by version, and prints the 通报 alone', async () => {
    const page = await freshPage(browser());
    await logIn(page, 'zz-admin');
    await page.goto(`${workbench}/#/assessment`);
    const bulletin = page.locator('.bulletin');
    await expectText(bulletin.locator('.bulletin-title'), '泽州县乡镇便民服务中心');
    await expectText(bulletin.locator('.bulletin-title'), '月考核情况通报');
    await expectText(bulletin, '南村镇');
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
    await expectText(bulletin, `第 ${after.version} 版`);

    // The quarter and the year are scored the same way.
    await page.locator('form.assessment-period select[name=period]').selectOption('quarter');
    await expectText(bulletin.locator('.bulletin-title'), '季度考核情况通报');
    await page.locator('form.assessment-period select[name=period]').selectOption('month');
    await expectText(bulletin.locator('.bulletin-title'), '月考核情况通报');
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

  it('lets supervisors read the ranking but not change the scheme', async () => {
    const supervisor = as('zz-supervisor');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const ranking = await supervisor.get<{ towns: { townName: string; rank: number | null }[] }>(
      `${serviceUrl('routing')}/assessment/ranking?county=140525&period=month&of=${month}`,
    );
    expect(ranking.status).toBe(200);
    expect(ranking.body.towns.some((town) => town.townName === '南村镇')).toBe(true);
    const change = await supervisor.put(`${serviceUrl('routing')}/assessment/scheme?county=140525`, {
      indicators: [{ indicator: 'onTimeRate', weight: 100 }],
      reason: '试图修改',
      expectedVersion: 0,
    });
    expect(change.status).toBe(403);
  });
});
