import { join } from 'node:path';
import { eventually, ONE_PAGE_PDF, ONE_PIXEL_PNG, residentIdNumber } from '@oneseal/testing';
import { makeFullyOnline, randomPhone, signInWithSmsCode } from './applicant';
import { browserForSuite, expectText, freshPage, SHOTS, workbench } from './browser';
import { approveToTheEnd, caseView, decide, openTask, stageOf, watcher } from './case-api';
import { as, serviceUrl, tokenOf } from './system';

// 城乡居民基本养老保险参保登记, a town matter no other test files: the county's administrator makes it 全程网办.
const MATTER = 'ZZ-T-032';

describe('网上申请: a villager files from a phone, supplies a 补正 online, and gets the result', () => {
  const browser = browserForSuite();

  beforeAll(() => makeFullyOnline(MATTER, '县人社局确认：城乡居民养老保险参保登记实行全程网办'));

  it('files with the form and photos, supplies the 补正, verifies the decision, rates and reads the answer', async () => {
    const phone = randomPhone();
    const page = await freshPage(browser());
    await page.setViewportSize({ width: 390, height: 844 });

    // From the guide: 网上申请, then sign in with the number.
    await page.goto(`${workbench}/#/matter/${MATTER}`);
    await page.getByRole('link', { name: '网上申请' }).click();
    await expectText(page.locator('.view-apply'), '网上申请须先用本人手机号码登录');
    await signInWithSmsCode(page, phone);

    const form = page.locator('form.apply');
    await expectText(form, '办理地点');
    await form.getByLabel('向哪个乡镇便民服务中心申请').selectOption({ label: '南村镇便民服务中心' });
    await form.getByLabel('申请人姓名').fill('王秀英');
    await form.getByLabel('申请人公民身份号码').fill(residentIdNumber(1962));
    await form.getByLabel('户籍所在地').fill('泽州县南村镇东村');
    await form.getByLabel('现居住地址').fill('泽州县南村镇东村二组');
    await form.getByLabel('民族').fill('汉族');
    await form.getByLabel('参保人员类别').selectOption('普通参保人员');
    await form.getByLabel('缴费档次（元/年）').fill('300');
    await form.getByLabel('是否已参加其他基本养老保险').selectOption({ label: '否' });
    await form
      .getByLabel('申请人有效身份证件', { exact: true })
      .setInputFiles({ name: '身份证正反面.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    // Sent without a required page: the page says so before anything is sent.
    await form.getByRole('button', { name: '提交申请' }).click();
    await expectText(form.locator('.message'), '请上传：申请表');
    await form
      .getByLabel('申请表', { exact: true })
      .setInputFiles({ name: '参保登记表.pdf', mimeType: 'application/pdf', buffer: ONE_PAGE_PDF });
    await expectText(form, '已选 1 个：参保登记表.pdf');
    await page.screenshot({ path: join(SHOTS, 'apply-online-form.png'), fullPage: true });
    await form.getByRole('button', { name: '提交申请' }).click();

    const filed = page.locator('.view-apply .body');
    await expectText(filed, '申请已提交');
    const receiptNumber = /140525-\d{8}-\d{6}/.exec(await filed.innerText())?.[0] as string;
    expect(receiptNumber).toBeTruthy();
    await page.screenshot({ path: join(SHOTS, 'apply-online-filed.png'), fullPage: true });

    // The window sees what came in: by the channel 网上申请, with both pages, filed by nobody on the staff.
    await page.getByRole('link', { name: '查看办理进度' }).click();
    const caseId = decodeURIComponent(/#\/my\/([^/]+)$/.exec(page.url())?.[1] ?? '');
    const window = as('zz-town-window');
    const caseFile = await eventually('the case file', async () => {
      const read = await window.get<{
        channel: string;
        filedBy: unknown;
        materials: { name: string; attachments: { stage: string }[] }[];
      }>(`${serviceUrl('intake')}/applications/${caseId}`);
      return read.status === 200 ? read.body : undefined;
    });
    expect(caseFile.channel).toBe('online');
    expect(caseFile.filedBy).toBeNull();
    expect(
      caseFile.materials.map((material) => [material.name, material.attachments.map((each) => each.stage)]),
    ).toEqual([
      ['申请人有效身份证件', ['filing']],
      ['申请表', ['filing']],
    ]);

    // 受理 asks for a 补正; the applicant supplies it from the phone.
    const asked = await decide(await openTask(caseId, 0), {
      outcome: 'request-correction',
      opinion: '请补充户口簿首页及本人页',
      missingMaterials: ['户口簿首页及本人页'],
    });
    expect(asked.status).toBe(202);
    await stageOf(caseId, 'awaiting-correction');
    await page.reload();
    const correction = page.locator('.view-my .correction-online');
    await expectText(correction, '户口簿首页及本人页');
    // Nothing uploaded yet: the 补正 is not taken.
    await correction.getByRole('button', { name: '提交补正' }).click();
    await expectText(correction.locator('.correction-message'), '请上传：户口簿首页及本人页');
    await correction
      .getByLabel('户口簿首页及本人页', { exact: true })
      .setInputFiles({ name: '户口簿.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await expectText(correction, '已上传：户口簿.png');
    await page.screenshot({ path: join(SHOTS, 'apply-online-correction.png'), fullPage: true });
    await correction.getByRole('button', { name: '提交补正' }).click();
    await expectText(page.locator('.view-my .message'), '补正材料已提交');
    const resumed = await eventually('the case resumed', async () => {
      const view = await caseView(caseId);
      return view.stage === 'awaiting-correction' ? undefined : view;
    });
    expect(resumed.clockStops.some((stop) => stop.reason === '补正' && stop.to)).toBe(true);
    expect(resumed.history.some((record) => record.outcome === 'request-correction')).toBe(true);

    // Decided and delivered electronically: the stamped decision downloads and verifies on 文书核验.
    await approveToTheEnd(caseId);
    await page.reload();
    const answer = page.locator('.view-my .answer');
    await expectText(answer, '已办结');
    const documentLink = answer.locator('a[href*="/api/seal/documents/"]').last();
    const pdf = await page.request.get(`${workbench}${await documentLink.getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.goto(`${workbench}/#/verify`);
    await page
      .getByLabel('PDF 文书')
      .setInputFiles({ name: '办结通知书.pdf', mimeType: 'application/pdf', buffer: await pdf.body() });
    await page.getByRole('button', { name: '核验' }).click();
    await expectText(page.locator('.view-verify .message'), '文件完整，电子印章有效');

    // 差评 with its reason; the town's answer comes back to the case.
    await page.goto(`${workbench}/#/my/${caseId}`);
    await page.getByLabel('不满意', { exact: true }).check();
    await page.getByLabel(/意见/).fill('补正要求没有在第一次就说清楚');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expectText(page.locator('.view-my .answer'), '整改答复将在此告知');
    const leader = await tokenOf('zz-town-leader');
    const response = await fetch(`${serviceUrl('routing')}/supervision/ratings/${caseId}/response`, {
      method: 'POST',
      headers: { authorization: `Bearer ${leader}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        measures: '受理窗口对照办事指南一次性告知全部材料，网上申请页面补充户口簿说明',
      }),
    });
    expect(response.status).toBeLessThan(300);
    await page.reload();
    await expectText(page.locator('.view-my .answer'), '网上申请页面补充户口簿说明');
    await page.screenshot({ path: join(SHOTS, 'apply-online-concluded.png'), fullPage: true });

    // On the case's record: the online filing and the 补正, each by the applicant.
    const recorded = await eventually('the online filing on the audit record', async () => {
      const { body } = await as('zz-auditor').get<{ type: string; envelope: { actor: { role?: string } } }[]>(
        `${serviceUrl('audit')}/audit/streams/${caseId}/events`,
      );
      const submitted = body.find((logged) => logged.type === 'intake.application-submitted');
      const pages = body.filter((logged) => logged.type === 'intake.attachment-added');
      return submitted && pages.length === 3 ? { submitted, pages } : undefined;
    });
    expect(recorded.submitted.envelope.actor.role).toBe('applicant');
    expect(recorded.pages.every((logged) => logged.envelope.actor.role === 'applicant')).toBe(true);
    expect((await watcher.get(`${serviceUrl('routing')}/cases/${caseId}`)).status).toBe(200);

    // Supervision counts it: 南村镇's cases filed online this month, and the county's matters that can be.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const rates = `${serviceUrl('intake')}/supervision/online-handling?county=140525&from=${today}&to=${today}`;
    const { body: report } = await watcher.get<{
      matters: { level: string; fullyOnline: number; target: number | null }[];
      towns: { town: string; online: number }[];
    }>(rates);
    expect(report.towns.find((town) => town.town === '140525100')?.online).toBeGreaterThan(0);
    expect(report.matters.find((rate) => rate.level === 'town')).toEqual(
      expect.objectContaining({ fullyOnline: expect.any(Number), target: 0.6 }),
    );
    expect((await as('zz-town-window').get(rates)).status).toBe(403);
  });

  it('refuses what is not the applicant’s: a 补正 before one is asked, another number’s case, a staff token', async () => {
    const page = await freshPage(browser());
    await page.goto(`${workbench}/#/my`);
    const phone = randomPhone();
    await signInWithSmsCode(page, phone);
    await expectText(page.locator('.view-my'), '没有以该手机号码申请的办件');
    const token = await page.evaluate(
      () =>
        JSON.parse(
          (
            globalThis as unknown as { sessionStorage: { getItem(key: string): string } }
          ).sessionStorage.getItem('oneseal.applicant'),
        ).token as string,
    );
    const asApplicant = { authorization: `Bearer ${token}` };
    const body = new FormData();
    body.append(
      'application',
      JSON.stringify({
        county: '140525',
        town: '140525100',
        matterCode: MATTER,
        applicantName: '李桂兰',
        applicantIdNumber: residentIdNumber(1955),
        deliveryMethod: 'electronic',
        pageMaterials: ['申请人有效身份证件'],
      }),
    );
    body.append('page', new Blob([ONE_PAGE_PDF]), '身份证.pdf');
    const incomplete = await fetch(`${serviceUrl('intake')}/applicant/applications`, {
      method: 'POST',
      headers: asApplicant,
      body,
    });
    expect(incomplete.status).toBe(422);
    expect(((await incomplete.json()) as { code: string }).code).toBe('INTAKE.FORM_INVALID');

    const someoneElses = (
      await as('zz-town-window').get<{ items: { caseId: string }[] }>(
        `${serviceUrl('routing')}/cases?pageSize=1`,
      )
    ).body.items[0].caseId;
    const supply = await fetch(
      `${serviceUrl('routing')}/applicant/cases/${someoneElses}/correction-supplied`,
      {
        method: 'POST',
        headers: asApplicant,
      },
    );
    expect(supply.status).toBe(404);
    const upload = new FormData();
    upload.append('materialName', '户口簿');
    upload.append('file', new Blob([ONE_PAGE_PDF]), '户口簿.pdf');
    const pageOfOthers = await fetch(`${serviceUrl('intake')}/applicant/cases/${someoneElses}/attachments`, {
      method: 'POST',
      headers: asApplicant,
      body: upload,
    });
    expect(pageOfOthers.status).toBe(404);
    // A clerk's login is not an applicant's.
    const clerk = { authorization: `Bearer ${await tokenOf('zz-town-window')}` };
    expect(
      (await fetch(`${serviceUrl('intake')}/applicant/applications`, { method: 'POST', headers: clerk }))
        .status,
    ).toBe(401);
  });
});

// The smallest JPEG header a photo starts with, and enough bytes after it to be a file.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(256, 7)]);
