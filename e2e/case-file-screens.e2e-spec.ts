import { getJson } from './system';
import { ONE_PAGE_PDF, ONE_PIXEL_PNG, residentIdNumber } from '@oneseal/testing';
import type { Browser, Page } from 'playwright-core';
import { expectText, freshPage, launchBrowser, logIn, workbench } from './browser';
import { caseAction, decide, openTask } from './case-api';
import { serviceUrl } from './system';

// Field types of a 申请表 as the guide defines them (libs/domain forms), enough to fill one in as a clerk does.
interface Field {
  key: string;
  type: string;
  required: boolean;
  options?: string[];
  itemLabel?: string;
  fields?: Field[];
}

/** Fills every required field of the matter's 申请表 on the screen, each box as its type asks. */
async function fillForm(page: Page, fields: Field[]): Promise<void> {
  for (const field of fields.filter((candidate) => candidate.required)) {
    const box = page.locator(`[data-field="${field.key}"]`);
    switch (field.type) {
      case 'choice':
        await box.selectOption(field.options?.[0] ?? '');
        break;
      case 'yes-no':
        await box.selectOption('false');
        break;
      case 'multi-choice':
        await box.locator('input[type=checkbox]').first().check();
        break;
      case 'bank-account':
        await box.locator('[data-bank="bankName"]').fill('泽州农商银行');
        await box.locator('[data-bank="accountName"]').fill('宋秋月');
        await box.locator('[data-bank="accountNumber"]').fill('6217000012345678901');
        break;
      case 'date':
        await box.fill('2026-11-20');
        break;
      case 'number':
      case 'money':
        await box.fill('1');
        break;
      case 'id-number':
        await box.fill(residentIdNumber());
        break;
      case 'person-list':
        break;
      default:
        await box.fill(
          field.key === 'hardshipDescription'
            ? '丈夫突发脑梗住院，医疗费用支出大'
            : '泽州县南村镇原家村 3 号',
        );
    }
  }
}

const PNG = ONE_PIXEL_PNG;
const PDF = ONE_PAGE_PDF;

describe('the case file in a browser: 临时救助 from a village station to 县民政局', () => {
  let browser: Browser;
  const applicantId = residentIdNumber(1978);
  let caseId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    if (caseId) await caseAction(caseId, 'withdrawal', { reason: '测试结束' });
    await browser?.close();
  });

  it('the village agent files it with its 申请表, the 委托书 and two scanned pages', async () => {
    const { body: matter } = await getJson<{ guide: { form: { sections: { fields: Field[] }[] } } }>(
      `${serviceUrl('intake')}/catalogue/matters/ZZ-T-002`,
    );
    const agent = await freshPage(browser);
    await logIn(agent, 'zz-village-agent');
    await agent.getByRole('link', { name: '受理申请' }).click();
    await agent.getByLabel('事项名称').fill('临时救助');
    await agent.getByRole('button', { name: /查询/ }).click();
    // Three matters share the name; the list says which is the town's 给付 decided by 县民政局.
    const row = agent.locator('tr', { has: agent.locator('button[data-code="ZZ-T-002"]') });
    await expectText(row, '行政给付');
    await expectText(row, '乡级负责受理、审核');
    await expectText(row, '县民政局');
    await agent.locator('button[data-code="ZZ-T-002"]').click();
    const form = agent.locator('form.application');
    await form.getByRole('button', { name: '按指南份数填入' }).click();
    await form.getByLabel('姓名').first().fill('宋秋月');
    await form.getByLabel('公民身份号码').first().fill(applicantId);
    await form.getByLabel('手机号码').fill('13835612345');
    await fillForm(
      agent,
      matter.guide.form.sections.flatMap((section) => section.fields),
    );
    await form.getByLabel('签署日期').fill('2026-11-30');
    await form
      .locator('input[data-pages="0"]')
      .setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: PNG });
    await form
      .locator('input[data-pages="1"]')
      .setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByRole('button', { name: '提交申请' }).click();
    const receipt = form.locator('.msg-ok');
    await expectText(receipt, '申请已提交');
    await expectText(receipt, '已上传扫描件 2 份');
    caseId = decodeURIComponent(
      (await receipt.locator('a[href^="#/cases/"]').getAttribute('href'))?.slice(8) ?? '',
    );
    // The form is locked: the next applicant starts from a clean one.
    await expectText(form.locator('.after-filing'), '办理下一件');
    await form.getByRole('button', { name: '办理下一件' }).click();
    expect(await agent.locator('form.application').isHidden()).toBe(true);
    await agent.context().close();
  });

  it('the window finds it by the applicant’s name and by the last digits of the ID number', async () => {
    const clerk = await freshPage(browser);
    await logIn(clerk, 'zz-town-window');
    await clerk.getByRole('link', { name: '办件详情' }).click();
    for (const q of ['宋秋月', applicantId.slice(-6)]) {
      await clerk.getByLabel('查找办件').fill(q);
      await clerk.getByRole('button', { name: '查找' }).click();
      await expectText(clerk.locator('.found'), '宋秋月');
      await expectText(clerk.locator('.found'), '临时救助');
      await expectText(clerk.locator('.found'), `证件尾号 ${applicantId.slice(-4)}`);
    }
    await clerk.locator(`.found button[data-case="${caseId}"]`).click();
    await expectText(clerk.locator('section.case-file'), '丈夫突发脑梗住院，医疗费用支出大');
    await clerk.context().close();
  });

  it('the reviewer and then 县民政局 read the form and open the pages', async () => {
    const reviewer = await freshPage(browser);
    await logIn(reviewer, 'zz-town-reviewer');
    await reviewer.goto(`${workbench}/#/cases/${caseId}`);
    const file = reviewer.locator('section.case-file');
    await expectText(file, '困难情况说明');
    await expectText(file, '丈夫突发脑梗住院，医疗费用支出大');
    await expectText(file, applicantId);
    await file.getByRole('button', { name: '身份证.png' }).click();
    await reviewer.locator('.page-view img').waitFor();
    await file.getByRole('button', { name: '申请书.pdf' }).click();
    await reviewer.locator('.page-view canvas').waitFor();
    await expectText(reviewer.locator('.page-view'), '共 1 页');
    await reviewer.context().close();

    // 代办 (station) → 受理 (window) → 审核 (reviewer) → 决定 at 县民政局.
    for (let nth = 0; nth < 3; nth += 1) await decide(await openTask(caseId, nth), { outcome: 'approve' });
    await openTask(caseId, 3);
    const bureau = await freshPage(browser);
    await logIn(bureau, 'zz-county-mz');
    await bureau.goto(`${workbench}/#/cases/${caseId}`);
    const bureauFile = bureau.locator('section.case-file');
    await expectText(bureauFile, '丈夫突发脑梗住院，医疗费用支出大');
    await expectText(bureauFile, '代办');
    await bureauFile.getByRole('button', { name: '申请书.pdf' }).click();
    await bureau.locator('.page-view canvas').waitFor();
    await bureau.context().close();
  });

  it('another town’s window can neither find nor open it', async () => {
    const outsider = await freshPage(browser);
    await logIn(outsider, 'zz2-town-window');
    await outsider.getByRole('link', { name: '办件详情' }).click();
    await outsider.getByLabel('查找办件').fill('宋秋月');
    await outsider.getByRole('button', { name: '查找' }).click();
    await expectText(outsider.locator('.found'), '没有找到符合条件的办件');
    await outsider.goto(`${workbench}/#/cases/${caseId}`);
    await expectText(outsider.locator('section.case-file'), '该事项不在您的办理范围内');
    await outsider.context().close();
  });
});
