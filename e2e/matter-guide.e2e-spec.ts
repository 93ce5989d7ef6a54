import { join } from 'node:path';
import { browserForSuite, expectText, freshPage, SHOTS, workbench } from './browser';

describe('the public 办事指南 page, as an applicant reads it on a phone before coming', () => {
  const browser = browserForSuite();

  it('finds 临时救助 by name and shows its cited basis, conditions, materials and process, each marked with its source', async () => {
    const page = await freshPage(browser());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${workbench}/#/matter`);
    await page.getByLabel('事项名称').fill('临时救助');
    await page.getByRole('button', { name: '查询' }).click();
    // 临时救助 is listed three times (a 行政给付 and a 公共服务 at the town, one at the village): the town's 给付.
    const row = page
      .locator('.guide-results tr', { hasText: '行政给付' })
      .filter({ hasText: '乡镇便民服务中心' })
      .filter({ hasText: '临时救助' });
    await row.locator('a').click();
    const guide = page.locator('.matter-guide');
    await expectText(guide, '办事指南');
    const text = await guide.innerText();
    expect(text).toContain('实施主体\t泽州县民政局');
    expect(text).toContain('《社会救助暂行办法》（国务院令第649号');
    expect(text).toContain('第四十七条');
    expect(text).toContain('三、受理条件');
    expect(text).toContain('临时救助申请表');
    expect(text).toMatch(/调查审核（乡镇人民政府）/);
    // What no public source gives is said to be the county's default, never passed off as law.
    expect(text).toContain('县级默认值，待县主管部门确认');
    expect(text).toContain('六、来源');
    await page.screenshot({ path: join(SHOTS, 'matter-guide-phone.png') });
    // No published guide describes 城乡居民基本养老保险账户封存申请's steps: the page states its handling rule, as a default.
    await page.goto(`${workbench}/#/matter/ZZ-T-040`);
    await expectText(guide, '五、办理流程');
    expect(await guide.innerText()).toContain('乡级负责受理：乡镇受理后转县直部门审核、决定。县级默认值');
    await page.context().close();
  });
});
