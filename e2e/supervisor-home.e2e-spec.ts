import { join } from 'node:path';
import { browserForSuite, expectText, freshPage, logIn, SHOTS } from './browser';
import { fileCase, openTask } from './case-api';
import { as, serviceUrl } from './system';

describe('电子监察 opens on today’s risks: late and nearly late cases first, drilled down to a desk', () => {
  const browser = browserForSuite();

  it('lists a case due by the next working day with its step, unit and the person holding it, and narrows by town, matter and name', async () => {
    // A case waiting at 南村镇's window, claimed by the clerk: its 受理 step is due by the next working day.
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const acceptance = await openTask(filed.caseId, 0);
    const claimed = await as('zz-town-window').post(
      `${serviceUrl('approval')}/tasks/${acceptance.id}/claim`,
      {},
    );
    expect(claimed.status).toBe(200);

    const page = await freshPage(browser());
    await logIn(page, 'zz-supervisor');
    await expectText(page.locator('main h2'), '电子监察');
    const risks = page.locator('.risks');
    const row = risks.locator('tr', { hasText: filed.receiptNumber });
    await expectText(row, '受理');
    await expectText(row, '南村镇便民服务中心综合受理窗口');
    await expectText(row, '南村镇受理窗口（演示）');
    await expectText(row, '即将到期');
    expect(await row.innerText()).toMatch(/环节(今日到期|剩 1 个工作日)/);
    await expectText(risks.locator('.risk-counts'), '超法定时限');
    expect(await risks.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|140525100-window|ZZ-T-007/);
    await page.screenshot({ path: join(SHOTS, 'supervisor-risks.png'), fullPage: false });

    // County → town → matter → person: each click narrows the list and the path says where one stands.
    await row.getByRole('button', { name: '南村镇', exact: true }).click();
    await expectText(risks.locator('.risk-path'), '全县 › 南村镇');
    await risks
      .locator('tr', { hasText: filed.receiptNumber })
      .getByRole('button', { name: '婚姻生育情况证明' })
      .click();
    await expectText(risks.locator('.risk-path'), '南村镇 › 婚姻生育情况证明');
    await risks
      .locator('tr', { hasText: filed.receiptNumber })
      .getByRole('button', { name: '南村镇受理窗口（演示）' })
      .click();
    await expectText(risks.locator('.risk-path'), '婚姻生育情况证明 › 南村镇受理窗口（演示）');
    const rows = risks.locator('tbody tr');
    for (const each of await rows.all()) {
      const text = await each.innerText();
      expect(text).toContain('婚姻生育情况证明');
      expect(text).toContain('南村镇受理窗口（演示）');
    }

    // The search box finds a case by its number among what is shown; 清除筛选 goes back to the whole county.
    await risks.getByRole('button', { name: '清除筛选' }).click();
    await expectText(risks.locator('.risk-path'), '全县');
    await risks.getByLabel('查找').fill(filed.receiptNumber);
    await expectText(risks.locator('tbody'), filed.receiptNumber);
    expect(await rows.count()).toBe(1);
  });
});
