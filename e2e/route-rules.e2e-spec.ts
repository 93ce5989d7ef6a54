import { join } from 'node:path';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { as, serviceUrl } from './system';

const reviews = `${serviceUrl('intake')}/catalogue/route-rules/reviews`;

describe('the route rules are the county’s to review, each step with its reason', () => {
  const browser = browserForSuite();

  it('沁水县’s administrator reads each mode’s steps and reasons, objects with a reason, confirms another', async () => {
    const page = await freshPage(browser());
    await page.setViewportSize({ width: 1280, height: 1000 });
    await logIn(page, 'qs-admin');
    await page.goto(`${workbench}/#/catalogue`);
    const rule = page.locator('.route-rule[data-key="town:乡级负责受理、审核"]');
    await expectText(rule, '乡级负责受理、审核：乡镇受理并审核后转县直部门决定');
    await expectText(rule, '主管县直部门');
    await expectText(rule, '乡镇便民服务中心综合窗口受理（前台综合受理）');

    // An objection needs its reason; nothing is recorded without it.
    await rule.locator('input[name=note]').fill('');
    await rule.getByRole('button', { name: '提出异议' }).click();
    await expectText(rule.locator('.review-message'), '有异议时请写明哪一步不符合本县做法');
    await rule.locator('input[name=note]').fill('本县此类事项由乡镇初审后即转县民政局审核，请核对');
    await rule.getByRole('button', { name: '提出异议' }).click();
    await expectText(rule.locator('.review-state'), '本县有异议');
    await expectText(rule.locator('.review-state'), '本县此类事项由乡镇初审后即转县民政局审核');

    const blank = page.locator('.route-rule[data-key="town:"]');
    await blank.getByRole('button', { name: '确认本县按此办理' }).click();
    await expectText(blank.locator('.review-state'), '本县已确认');
    await expectText(blank, '加盖乡镇行政审批服务专用章（一枚印章管审批）');
    // Resolved and scrolled in one step in the page: the list is redrawn after each review.
    await rule.evaluate((element) => (element as { scrollIntoView(): void }).scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'route-rules-review.png') });
    await page.context().close();

    // Another county's administrator, and a window clerk, cannot review 沁水县's rules.
    const review = { county: '140521', key: 'town:', decision: 'confirmed' };
    const other = await as('zz-admin').post<{ code: string }>(reviews, review);
    expect([other.status, other.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
    const clerk = await as('qs-town-window').post<{ code: string }>(reviews, review);
    expect([clerk.status, clerk.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    const unknown = await as('qs-admin').post<{ code: string }>(reviews, { ...review, key: 'town:不存在' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ROUTE_RULE.NOT_FOUND']);
  });
});
