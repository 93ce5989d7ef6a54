import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import type { Browser } from 'playwright-core';
import { expectText, freshPage, launchBrowser, logIn, workbench } from './browser';
import { caseAction, decide, fileCase, openTask, watcher } from './case-api';
import { as, serviceUrl } from './system';

interface IssuedDocument {
  documentId: string;
  kind: string;
  title: string;
  number: string;
  issuerName: string;
  fileName: string;
  verificationCode: string;
}

interface Verdict {
  valid: boolean;
  reason: string;
  stamp?: { sealName: string; title?: string; number?: string; receiptNumber: string; stampedAt: string };
}

const seal = serviceUrl('seal');
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const TOWN_SEAL = '泽州县南村镇人民政府行政审批服务专用章';
const MZ_SEAL = '泽州县民政局';
// Where the browser walk leaves its pictures (the README's are rendered from the PDFs: deploy/local/document-pictures).
const SHOTS = process.env.ONESEAL_SCREENSHOTS ?? join(process.cwd(), '.oneseal', 'screenshots');
/** The running installation's document folder (npm start gives seal `<state>/documents`, or `documents-cluster`). */
const STATE = process.env.ONESEAL_STATE ?? join(process.cwd(), '.oneseal');
const DOCUMENT_FOLDER = join(
  STATE,
  existsSync(join(STATE, 'profile')) && readFileSync(join(STATE, 'profile'), 'utf8').trim() === 'cluster'
    ? 'documents-cluster'
    : 'documents',
);

/** The case's documents once the workflow has issued `count` of them. */
function documentsOf(caseId: string, count: number): Promise<IssuedDocument[]> {
  return eventually(`${count} documents of case ${caseId}`, async () => {
    const { body } = await watcher.get<{ documents?: IssuedDocument[] }>(
      `${serviceUrl('routing')}/cases/${caseId}`,
    );
    return (body.documents?.length ?? 0) >= count ? (body.documents as IssuedDocument[]) : undefined;
  });
}

/** The PDF as anyone holding the electronic delivery link gets it, with the name it is saved under. */
async function pdfOf(document: IssuedDocument): Promise<{ pdf: Blob; disposition: string }> {
  const response = await fetch(`${seal}/documents/${document.documentId}`);
  expect(response.status).toBe(200);
  return { pdf: await response.blob(), disposition: response.headers.get('content-disposition') ?? '' };
}

/** Uploads the PDF to the public verification counter, as a person holding a printed copy's file would. */
async function verified(document: IssuedDocument): Promise<Verdict> {
  const { pdf, disposition } = await pdfOf(document);
  expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '')).toBe(document.fileName);
  const form = new FormData();
  form.append('file', pdf, document.fileName);
  const response = await fetch(`${seal}/verification`, { method: 'POST', body: form });
  return (await response.json()) as Verdict;
}

async function expectVerifiedUnder(document: IssuedDocument, sealName: string): Promise<void> {
  const verdict = await verified(document);
  expect(verdict).toEqual(
    expect.objectContaining({
      valid: true,
      reason: 'VALID',
      stamp: expect.objectContaining({ sealName, title: document.title, number: document.number }),
    }),
  );
}

const townNumber = new RegExp(`^南村便审〔${year}〕\\d+号$`);
const bureauNumber = new RegExp(`^泽民审〔${year}〕\\d+号$`);

/** Every kind issued here, one of each: deploy/local/document-pictures.sh renders them for the README. */
const samples = new Map<string, IssuedDocument & { picture: string }>();
const keepSamples = (documents: IssuedDocument[], decisionPicture = 'decision') =>
  documents.forEach((document) => {
    const picture = document.kind === 'decision' ? decisionPicture : document.kind;
    samples.set(picture, { ...document, picture });
  });

describe('the documents the law requires, each under its issuing organ’s seal and 文号', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    writeFileSync(join(SHOTS, 'documents.json'), JSON.stringify([...samples.values()], null, 2));
  });

  it('a 行政给付 the county bureau decides, with an extension: the bureau seals its decision and notice, the town what its window issues', async () => {
    // 临时救助: 南村镇 accepts and reviews, 县民政局 decides.
    const filed = await fileCase({ matterCode: 'ZZ-T-002', channel: 'town-window' });
    expect(
      (await decide(await openTask(filed.caseId, 0), { outcome: 'approve', opinion: '材料齐全，予以受理' }))
        .status,
    ).toBe(202);
    expect(
      (await decide(await openTask(filed.caseId, 1), { outcome: 'approve', opinion: '情况属实，拟同意' }))
        .status,
    ).toBe(202);
    const decision = await openTask(filed.caseId, 2);
    expect(decision).toEqual(expect.objectContaining({ stepName: '决定', unitCode: '140525-mz' }));
    const extended = await caseAction(
      filed.caseId,
      'extension',
      { extraWorkingDays: 5, reason: '需入户核对申请人家庭收入' },
      as('zz-county-mz-leader'),
    );
    expect(extended.status).toBe(202);
    // The bureau's leader decides in the console: the 办理 dialog of a 行政给付 asks what is granted.
    const leader = await freshPage(browser);
    await leader.setViewportSize({ width: 1280, height: 1000 });
    await logIn(leader, 'zz-county-mz-leader');
    const row = leader.locator('tr', { has: leader.locator(`a[href="#/cases/${filed.caseId}"]`) });
    await expectText(row, '决定', () => leader.getByRole('button', { name: '刷新' }).click());
    await row.getByRole('button', { name: '办理' }).click();
    const dialog = leader.locator('dialog.decision');
    const grant = dialog.locator('fieldset.grant');
    await grant.waitFor({ state: 'visible' });
    await dialog.getByLabel('办理意见').fill('符合临时救助条件，同意救助');
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await expectText(dialog.locator('.message'), '请填写给付金额和给付方式');
    await grant.getByLabel('给付金额').fill('一次性发放临时救助金 2000 元');
    await grant.getByLabel('给付方式').fill('打入申请人社会保障卡');
    await leader.screenshot({ path: join(SHOTS, 'decision-grant-dialog.png') });
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await expectText(leader.locator('main .message'), '已提交办理意见：决定');
    await leader.context().close();
    expect(
      (await decide(await openTask(filed.caseId, 3), { outcome: 'approve', opinion: '已送达' })).status,
    ).toBe(202);

    const documents = await documentsOf(filed.caseId, 4);
    expect(documents.map(({ title, issuerName }) => `${issuerName}：${title}`)).toEqual([
      '泽州县南村镇人民政府：受理通知书',
      '泽州县民政局：延期办理告知书',
      '泽州县民政局：给付决定书',
      '泽州县南村镇人民政府：送达回证',
    ]);
    expect(documents.map((document) => document.number)).toEqual([
      expect.stringMatching(townNumber),
      expect.stringMatching(bureauNumber),
      expect.stringMatching(bureauNumber),
      expect.stringMatching(townNumber),
    ]);
    expect(documents[2].fileName).toBe(`${filed.receiptNumber}-给付决定书.pdf`);
    keepSamples(documents, 'decision-grant-by-bureau');
    for (const document of documents) {
      await expectVerifiedUnder(document, document.issuerName === MZ_SEAL ? MZ_SEAL : TOWN_SEAL);
    }

    // The window clerk sees the case's documents by title, 文号 and organ, and can print each.
    const page = await freshPage(browser);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await logIn(page, 'zz-town-window');
    await page.goto(`${workbench}/#/cases/${filed.caseId}`);
    const table = page.locator('table.documents');
    await expectText(table, '给付决定书');
    await expectText(table, documents[2].number);
    await expectText(table, '泽州县民政局');
    expect(await table.getByRole('button', { name: '打印' }).count()).toBe(4);
    await page.screenshot({ path: join(SHOTS, 'case-documents.png'), fullPage: true });

    // Anyone who scans the decision's QR code lands on the public 文书核验 page, which checks it at once — here on a
    // phone set to another time zone, which still reads the time of the stamp in Beijing time, as the document prints it.
    const visitor = await freshPage(browser, 'Europe/London');
    await visitor.setViewportSize({ width: 420, height: 860 });
    await visitor.goto(`${workbench}/#/verify/${documents[2].verificationCode}`);
    await expectText(visitor.locator('.message'), '文件完整，电子印章有效');
    await expectText(visitor.locator('.message'), MZ_SEAL);
    await expectText(visitor.locator('.message'), documents[2].number);
    // What the registry holds of it, for a paper copy to be compared with: the outcome and the applicant masked.
    await expectText(visitor.locator('.message'), '请将下列登记内容与手中文书逐项核对');
    await expectText(visitor.locator('.message'), '结果：准予给付');
    await expectText(visitor.locator('.message'), '申请人：周*');
    const { stamp } = await verified(documents[2]);
    const stampedInBeijing = new Date(Date.parse(stamp?.stampedAt ?? '') + 8 * 3600 * 1000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    await expectText(visitor.locator('.message'), `用印时间：${stampedInBeijing}`);
    await visitor.screenshot({ path: join(SHOTS, 'verify-decision-phone.png'), fullPage: true });

    // The applicant, on a phone, with the receipt's 查询码: done once handed over, every document listed by title.
    await visitor.goto(`${workbench}/#/progress/${filed.receiptNumber}/${filed.queryCode}`);
    const answer = visitor.locator('.answer');
    await expectText(answer, '准予给付');
    for (const document of documents) await expectText(answer, document.title);
    await expectText(answer, documents[2].number);
    await visitor.screenshot({ path: join(SHOTS, 'progress-documents-phone.png'), fullPage: true });

    // The decision's file lost from the document folder (a failed disk, a restore that missed it): the applicant's
    // link says so in words, with the document's title and 文号 to quote, and serves the PDF again once it is back.
    const lost = documents[2];
    const sm3 = (await fetch(`${seal}/documents/${lost.documentId}`)).headers.get('x-document-sm3') ?? '';
    const file = join(DOCUMENT_FOLDER, sm3.slice(0, 2), `${sm3}.pdf.gz`);
    renameSync(file, `${file}.aside`);
    try {
      const [tab] = await Promise.all([
        visitor.context().waitForEvent('page'),
        answer.getByRole('link', { name: lost.title }).click(),
      ]);
      await tab.setViewportSize({ width: 420, height: 860 });
      await expectText(tab.locator('h1'), '这份文书目前无法打开');
      await expectText(tab.locator('main'), lost.number);
      await expectText(tab.locator('main'), '请记下文号，向出具文书的单位咨询');
      await tab.screenshot({ path: join(SHOTS, 'document-file-lost-phone.png'), fullPage: true });
      await tab.close();
      // The clerk's 打印 says so under the documents, instead of printing the page that says it.
      await table.locator('tr', { hasText: lost.number }).getByRole('button', { name: '打印' }).click();
      await expectText(
        page.locator('.document-print-message'),
        `这份文书目前无法打开（给付决定书 ${lost.number}）`,
      );
      await page.locator('table.documents').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'case-document-file-lost.png'), fullPage: true });
    } finally {
      renameSync(`${file}.aside`, file);
    }
    expect((await pdfOf(lost)).pdf.size).toBeGreaterThan(10_000);
    await page.context().close();
    await visitor.context().close();
  });

  it('a 行政确认 the town decides, after a 公示: the 特别程序告知书 and the 证明 itself, under the town’s approval seal', async () => {
    // 收养人生育情况证明出具: 南村镇 accepts, reviews and decides.
    const filed = await fileCase({ matterCode: 'ZZ-T-059', channel: 'town-window' });
    expect(
      (await decide(await openTask(filed.caseId, 0), { outcome: 'approve', opinion: '材料齐全，予以受理' }))
        .status,
    ).toBe(202);
    await openTask(filed.caseId, 1);
    const suspended = await caseAction(filed.caseId, 'suspension', {
      procedure: '公示',
      reason: '申请人生育情况须在所在村公示',
      expectedWorkingDays: 5,
    });
    expect(suspended.status).toBe(202);
    await documentsOf(filed.caseId, 2);
    expect((await caseAction(filed.caseId, 'resumption', {})).status).toBe(202);
    for (const [nth, opinion] of [
      [1, '经核实，申请人夫妇现无子女，拟同意出具'],
      [2, '经核实，申请人夫妇现无子女'],
      [3, '已送达'],
    ] as const) {
      expect((await decide(await openTask(filed.caseId, nth), { outcome: 'approve', opinion })).status).toBe(
        202,
      );
    }
    const documents = await documentsOf(filed.caseId, 4);
    expect(documents.map((document) => document.title)).toEqual([
      '受理通知书',
      '特别程序告知书',
      '收养人生育情况证明',
      '送达回证',
    ]);
    keepSamples(documents.slice(1, 3), 'decision-proof-by-town');
    for (const document of documents) {
      expect(document.issuerName).toBe('泽州县南村镇人民政府');
      expect(document.number).toMatch(townNumber);
      await expectVerifiedUnder(document, TOWN_SEAL);
    }
  });

  it('不予受理 and 补正 each produce their document, sealed by the town', async () => {
    const refused = await fileCase({ matterCode: 'ZZ-T-059', channel: 'town-window' });
    expect(
      (
        await decide(await openTask(refused.caseId, 0), {
          outcome: 'reject',
          opinion: '申请人户籍不在本镇，不属于本中心受理范围',
          // Where to apply instead: printed on the 不予受理决定书 (art. 32(1)(2)).
          referTo: '泽州县金村镇人民政府',
        })
      ).status,
    ).toBe(202);
    const [refusal] = await documentsOf(refused.caseId, 1);
    expect(refusal).toEqual(expect.objectContaining({ kind: 'non-acceptance', title: '不予受理决定书' }));
    await expectVerifiedUnder(refusal, TOWN_SEAL);
    keepSamples([refusal]);

    const incomplete = await fileCase({ matterCode: 'ZZ-T-002', channel: 'town-window' });
    expect(
      (
        await decide(await openTask(incomplete.caseId, 0), {
          outcome: 'request-correction',
          opinion: '请补齐收入证明材料',
          missingMaterials: ['家庭成员近三个月收入证明', '户口簿复印件'],
        })
      ).status,
    ).toBe(202);
    const [notice] = await documentsOf(incomplete.caseId, 1);
    expect(notice).toEqual(expect.objectContaining({ kind: 'correction-notice', title: '补正材料告知书' }));
    expect(notice.number).toMatch(townNumber);
    await expectVerifiedUnder(notice, TOWN_SEAL);
    keepSamples([notice]);
    expect((await caseAction(incomplete.caseId, 'withdrawal', { reason: '测试结束' })).status).toBe(202);
  });
});
