import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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
    expect(await rows.count()).toBeGreaterThan(0);
    for (const each of await rows.all()) {
      const text = await each.innerText();
      expect(text).toContain('婚姻生育情况证明');
      expect(text).toContain('南村镇受理窗口（演示）');
    }

    // 办件查询 finds a town by its name, with what else was typed.
    await page.getByRole('tab', { name: '办件查询' }).click();
    const search = page.locator('form.filters');
    // The town, the matter and the receipt's last digits, each narrowing: the one case, whatever earlier runs left.
    await search.getByLabel('查找').fill(`南村镇 婚姻 ${filed.receiptNumber.slice(-6)}`);
    await search.getByRole('button', { name: '查询' }).click();
    await eventually('the case list narrowed to the case in 南村镇', async () => {
      const rows = await page.locator('.cases tbody tr').allInnerTexts();
      const narrowed = rows.every((text) => text.includes('南村镇') && text.includes('婚姻'));
      return narrowed && rows.some((text) => text.includes(filed.receiptNumber)) ? true : undefined;
    });

    // The search box finds a case by its number among what is shown; 清除筛选 goes back to the whole county.
    await page.getByRole('tab', { name: '今日风险' }).click();
    await risks.getByRole('button', { name: '清除筛选' }).click();
    await expectText(risks.locator('.risk-path'), '全县');
    await risks.getByLabel('查找').fill(filed.receiptNumber);
    await expectText(risks.locator('tbody'), filed.receiptNumber);
    expect(await rows.count()).toBe(1);
  });

  it('gives a 督办 from today’s risks; the town’s leader is told, answers it in 监察, the answer is on the case’s record, and a 约谈 about it is kept', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    await openTask(filed.caseId, 0);

    const supervisor = await freshPage(browser());
    await logIn(supervisor, 'zz-supervisor');
    const row = supervisor.locator('.risks tr', { hasText: filed.receiptNumber });
    await row.getByRole('button', { name: '督办' }).click();
    const form = supervisor.locator('form.order-new');
    await expectText(form, filed.receiptNumber);
    await expectText(form, '南村镇便民服务中心综合受理窗口');
    await form.getByLabel('类型').selectOption('督办');
    await form.getByLabel('要求').fill('请今日内受理并说明为何未及时受理');
    // A date already past is refused with the reason, and nothing is recorded.
    await form.getByLabel('答复期限').fill('2020-01-01');
    await form.getByRole('button', { name: '发出' }).click();
    await expectText(supervisor.locator('.orders-message'), '答复期限应在今天到 60 天之内');
    const answerBy = new Date(Date.now() + (8 + 48) * 3600_000).toISOString().slice(0, 10);
    await form.getByLabel('答复期限').fill(answerBy);
    await form.getByRole('button', { name: '发出' }).click();
    await expectText(supervisor.locator('.orders-message'), '已督办');
    const ordered = supervisor.locator('.orders tr', { hasText: filed.receiptNumber });
    await expectText(ordered, '待答复');

    // The leader is told in 单位消息, and its link leads to the orders, where the answer is given.
    const leader = await freshPage(browser());
    await logIn(leader, 'zz-town-leader');
    await leader.goto(`${workbench}/#/messages`);
    const message = leader
      .locator('main tr', { hasText: filed.receiptNumber })
      .filter({ hasText: '督办催办' });
    await expectText(message, '请今日内受理', () => leader.getByRole('button', { name: '刷新' }).click());
    await message.getByRole('link', { name: '答复督办' }).click();
    const toAnswer = leader.locator('.orders tr', { hasText: filed.receiptNumber });
    await toAnswer.getByLabel('答复').fill('已责成综合受理窗口当日受理，系窗口人员请假所致，已调整排班');
    await toAnswer.getByRole('button', { name: '提交答复' }).click();
    await expectText(leader.locator('.orders-message'), '已答复督办');
    await expectText(leader.locator('.orders tr', { hasText: filed.receiptNumber }), '已答复');
    await leader.screenshot({ path: join(SHOTS, 'supervision-order-answered.png'), fullPage: false });

    // The county sees the answer; the order and the answer are on the case's record.
    await supervisor.reload();
    await expectText(supervisor.locator('.orders tr', { hasText: filed.receiptNumber }), '已调整排班');
    const history = await eventually('the order and its answer in the audit log', async () => {
      const { body } = await as('zz-auditor').get<{ type: string }[]>(
        `${serviceUrl('audit')}/audit/streams/${filed.caseId}/events`,
      );
      const types = body.map((event) => event.type);
      return types.includes('routing.supervision-answered') ? types : undefined;
    });
    expect(history).toEqual(
      expect.arrayContaining(['routing.supervision-ordered', 'routing.supervision-answered']),
    );
    // A 约谈 of the town's head of the center, about this case, on the record.
    const talk = supervisor.locator('form.accountability-form');
    await talk.getByLabel('乡镇').selectOption({ label: '南村镇' });
    await talk.getByLabel('类型').selectOption('约谈');
    await talk.getByLabel('对象').fill('南村镇便民服务中心负责人');
    await talk.getByLabel('事由').fill('窗口未及时受理，经督办后整改');
    await talk.getByLabel('处理决定').fill('约谈提醒，一周内报送排班调整情况');
    await talk.getByLabel('涉及办件编号').fill('140525-20200101-999999');
    await talk.getByRole('button', { name: '记录' }).click();
    await expectText(supervisor.locator('.accountability-message'), '140525-20200101-999999');
    await talk.getByLabel('涉及办件编号').fill(filed.receiptNumber);
    await talk.getByRole('button', { name: '记录' }).click();
    await expectText(
      supervisor.locator('.accountability-message'),
      '已记录对南村镇便民服务中心负责人（南村镇）的约谈',
    );
    await expectText(
      supervisor.locator('.accountability-list tr', { hasText: filed.receiptNumber }),
      '约谈提醒',
    );
    await eventually('the answer in the county’s messages', async () => {
      const { body } = await as('zz-supervisor').get<{ items: { caseId: string; template: string }[] }>(
        `${serviceUrl('notification')}/notifications/inbox?kind=supervisionAnswered&pageSize=50`,
      );
      return body.items.find((item) => item.caseId === filed.caseId);
    });
  });

  it('exports the period report as a workbook people can sort and sum and as a PDF, and prints it alone', async () => {
    const page = await freshPage(browser());
    await logIn(page, 'zz-supervisor');
    await page.getByRole('tab', { name: '统计报告' }).click();
    const period = page.locator('form.period');
    await expectText(page.locator('.report table'), '南村镇');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      period.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^泽州县办件情况（\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}）\.xlsx$/,
    );
    const file = join(SHOTS, 'period-report.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['期间报告', '今日风险']);
    const report = workbook.getWorksheet('期间报告');
    expect(String(report?.getCell('A1').value)).toMatch(/^泽州县乡镇便民服务中心办件情况（/);
    expect(report?.getRow(2).values).toEqual(
      expect.arrayContaining(['乡镇', '收件', '按时办结率', '满意率']),
    );
    const nancun = report?.getColumn(1).values.indexOf('南村镇') ?? -1;
    expect(nancun).toBeGreaterThan(2);
    expect(Number(report?.getRow(nancun).getCell(2).value)).toBeGreaterThan(0);
    const risks = workbook.getWorksheet('今日风险');
    expect(risks?.getRow(2).values).toEqual(expect.arrayContaining(['风险', '办件编号', '承办单位']));
    expect(JSON.stringify(risks?.getSheetValues())).not.toMatch(/140525100-window|ZZ-T-/);

    // 导出 PDF: the same report to file and send on, opened in a PDF reader — towns and units by name, no codes.
    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      period.getByRole('button', { name: '导出 PDF' }).click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toMatch(/^泽州县办件情况（.+）\.pdf$/);
    const pdfFile = join(SHOTS, 'period-report.pdf');
    await pdfDownload.saveAs(pdfFile);
    const reader = await freshPage(browser());
    const read = await readPdfInBrowser(reader, readFileSync(pdfFile));
    const text = read.text.replace(/\s+/g, '');
    for (const words of [
      '泽州县乡镇便民服务中心办件情况（',
      '按时办结率',
      '期末超期在办',
      '南村镇',
      '合计',
      '今日风险',
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/140525\d{3}|ZZ-T-|-window/);
    await reader.locator('canvas.rendered-pdf').screenshot({ path: join(SHOTS, 'period-report-pdf.png') });

    // 打印: the report alone, under its title, as the browser prints it or saves it as PDF.
    await page.evaluate('window.print = () => undefined');
    await period.getByRole('button', { name: '打印' }).click();
    const printed = await printedParts(page, {
      title: '.print-title',
      report: '.report table',
      risks: '.risks',
      menu: 'body > nav',
      form: 'form.period',
    });
    // Under emulated print media chromium's innerText still reads the screen layout: the text is read as text.
    expect(await page.locator('.print-title').textContent()).toMatch(/^泽州县乡镇便民服务中心办件情况（/);
    expect(printed).toEqual({ title: true, report: true, risks: false, menu: false, form: false });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: join(SHOTS, 'period-report-print.png'), fullPage: true });
  });

  it('shows the last twelve weeks or months, and each person’s work and what they hold', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const acceptance = await openTask(filed.caseId, 0);
    await as('zz-town-window').post(`${serviceUrl('approval')}/tasks/${acceptance.id}/claim`, {});
    const page = await freshPage(browser());
    await logIn(page, 'zz-supervisor');
    await page.getByRole('tab', { name: '趋势与人员' }).click();
    const trend = page.locator('.trend');
    await expectText(trend.locator('figure.chart-trend-volume'), '各周收件与办结');
    expect(await trend.locator('tbody tr').count()).toBe(12);
    // This week's row counts the case just filed.
    const thisWeek = trend.locator('tbody tr').last();
    expect(Number((await thisWeek.locator('td').nth(1).innerText()).trim())).toBeGreaterThan(0);
    await trend.locator('select[name=by]').selectOption('month');
    await expectText(trend.locator('figure.chart-trend-volume'), '各月收件与办结');
    await expectText(trend.locator('tbody tr').last(), '月');

    const people = page.locator('.people');
    const clerk = people.locator('tr', { hasText: '南村镇受理窗口（演示）' });
    await expectText(clerk, '南村镇便民服务中心综合受理窗口');
    expect(Number((await clerk.locator('td').nth(5).innerText()).trim())).toBeGreaterThan(0);
    expect(await people.innerText()).not.toMatch(/140525100-window|u-[a-z]/);
  });
});
