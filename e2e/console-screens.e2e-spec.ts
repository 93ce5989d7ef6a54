import { eventually, residentIdNumber } from '@oneseal/testing';
import type { Browser } from 'playwright-core';
import { expectText, freshPage as openPage, launchBrowser, logIn, workbench } from './browser';
import { approvedTownCase, caseAction, fileCase, openTask, stageOf } from './case-api';
import { as, postJson, serviceUrl } from './system';

describe('the console in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const freshPage = () => openPage(browser);

  it('refuses a wrong password with a message the clerk understands', async () => {
    const page = await freshPage();
    await logIn(page, 'zz-town-window', 'not-the-password');
    await expectText(page.locator('form.login .message'), '用户名或密码错误');
    await page.context().close();
  });

  it('takes an application at the window, hands out receipt and 查询码, and the applicant follows it', async () => {
    const clerk = await freshPage();
    await logIn(clerk, 'zz-town-window');
    await clerk.getByRole('link', { name: '受理申请' }).click();

    // 法律援助咨询服务 (ZZ-T-018): find it, take the guide's materials, fill in the applicant.
    await clerk.getByLabel('事项名称').fill('法律援助');
    await clerk.getByRole('button', { name: '查询本镇可办事项' }).click();
    await clerk.locator('button[data-code="ZZ-T-018"]').click();
    const application = clerk.locator('form.application');
    await expectText(application.locator('h3'), '法律援助咨询服务（ZZ-T-018）');
    await application.getByRole('button', { name: '按指南份数填入' }).click();
    await application.getByLabel('姓名').fill('吴十');
    await application.getByLabel('公民身份号码').fill(residentIdNumber());
    await application.getByLabel('手机号码').fill('13912345678');
    await application.getByLabel('受理渠道').selectOption('town-window');
    await application.getByLabel('送达方式').selectOption('electronic');
    // The matter's own 申请表, from its guide: left empty, each missing answer is named beside its box.
    await application.getByRole('button', { name: '提交申请' }).click();
    await expectText(application.locator('.msg-error'), '具体问题：必须填写');
    await expectText(application.locator('[data-cell="consultQuestion"] .field-problem'), '必须填写');
    await application.getByLabel('咨询事项').selectOption('劳动争议');
    await application.getByLabel('具体问题').fill('在外务工被拖欠工资三个月，想了解如何申请法律援助');
    await application.getByRole('button', { name: '提交申请' }).click();

    const receipt = application.locator('.msg-ok');
    await expectText(receipt, '申请已提交');
    await expectText(receipt, '请将办件编号和查询码告知申请人');
    const [receiptNumber, queryCode] = await receipt.locator('.typed-code').allInnerTexts();
    expect(receiptNumber).toMatch(/^140525-\d{8}-\d{6}$/);
    expect(queryCode).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/);
    // The 受理回执 to hand over: receipt number, 查询码, and a QR code to the public progress page at the public
    // address (PUBLIC_BASE_URL, never this machine's loopback). Printing itself is the browser's.
    await clerk.evaluate('window.print = () => undefined');
    await application.getByRole('button', { name: '打印受理回执（A4）' }).click();
    const printed = application.locator('.receipt');
    await expectText(printed, '受理回执');
    await expectText(printed, receiptNumber);
    await expectText(printed, queryCode);
    await expectText(printed, '法律援助咨询服务');
    const qr = printed.locator('.qr img');
    if (process.env.PUBLIC_BASE_URL) {
      await qr.waitFor();
      await expectText(printed, new URL(process.env.PUBLIC_BASE_URL).origin);
    }
    expect(await printed.innerText()).not.toContain('127.0.0.1');
    const caseLink = receipt.locator('a[href^="#/cases/"]');
    await expectText(caseLink, '查看办件详情');
    const caseId = decodeURIComponent((await caseLink.getAttribute('href'))?.slice('#/cases/'.length) ?? '');

    // The applicant, on another device and without an account, opens the link the SMS may carry.
    const applicant = await freshPage();
    await applicant.goto(`${workbench}/#/progress/${receiptNumber}/${queryCode}`);
    const answer = applicant.locator('.answer');
    await expectText(answer, '法律援助咨询服务');
    await expectText(answer, '办结后可在此评价本次服务');
    // The code does not stay in the address bar of a shared computer.
    expect(new URL(applicant.url()).hash).toBe('#/progress');

    // The clerk's inbox lists the case's 受理 step; 办理 opens the dialog and the decision goes through.
    await clerk.getByRole('link', { name: '我的待办' }).click();
    // A busy window has more open work than one page: the clerk looks the case up by its number.
    await clerk.locator('form.task-search input[name=q]').fill(receiptNumber);
    await clerk.locator('form.task-search').getByRole('button', { name: '查找' }).click();
    const row = clerk.locator('tr', { has: clerk.locator(`a[href="#/cases/${caseId}"]`) });
    await expectText(row, '受理', () => clerk.getByRole('button', { name: '刷新' }).click());
    await row.getByRole('button', { name: '办理' }).click();
    const dialog = clerk.locator('dialog.decision');
    await dialog.getByLabel('办理意见').fill('材料齐全，予以受理');
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await expectText(clerk.locator('main .message'), '已提交办理意见：受理');
    // The window's own messages told it of the new task.
    await clerk.getByRole('link', { name: '单位消息' }).click();
    // Its desk by name, and the new task with the matter it is about.
    await expectText(clerk.locator('main'), '南村镇便民服务中心综合受理窗口');
    await expectText(clerk.locator('main table'), '新待办');
    expect(await clerk.locator('main').innerText()).not.toContain('140525100-window');

    // The applicant looks again: an information service is answered at the window, so it is done (办结) there,
    // with nothing to seal or hand over, and the rating is open.
    const lookAgain = async () => {
      await applicant.getByLabel('办件编号').fill(receiptNumber);
      await applicant.getByLabel('查询码').fill(queryCode.toLowerCase());
      await applicant.getByRole('button', { name: '查询' }).click();
    };
    await lookAgain();
    await expectText(answer, '已办结', lookAgain);
    await expectText(answer, '评价本次服务');

    await clerk.context().close();
    await applicant.context().close();
  });

  it('puts a new case in the window’s 我的待办 as it is filed, without the clerk pressing 刷新', async () => {
    const clerk = await freshPage();
    await logIn(clerk, 'zz-town-window');
    await clerk.getByRole('link', { name: '我的待办' }).click();
    // Looking for one applicant only, so the other open work of the town does not push the new task off the page.
    const applicantName = `卫秀兰（${Date.now().toString(36)}）`;
    await clerk.getByLabel('查找').fill(applicantName);
    await clerk.getByRole('button', { name: '查找', exact: true }).click();
    await expectText(clerk.locator('.list'), '没有待办事项');
    await expectText(clerk.locator('.live'), '● 自动更新');

    const { receiptNumber } = await fileCase({
      matterCode: 'ZZ-T-007',
      channel: 'town-window',
      applicantName,
    });
    const row = clerk.locator('.list tr', { hasText: receiptNumber });
    await expectText(row, applicantName);
    await expectText(row, '受理');
    await expectText(clerk.locator('.live'), '有 1 件新待办');
    await clerk.context().close();
  });

  it('shows a supervisor the period report with the applicants’ ratings, and the open work by person and matter', async () => {
    // A case of its own waiting at 南村镇's window: the breakdowns have at least this to show.
    const waiting = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    await openTask(waiting.caseId, 0);
    const page = await freshPage();
    await logIn(page, 'zz-supervisor');
    await expectText(page.locator('main h2'), '电子监察');
    // The county's summary on the home screen, as a chart as well as a table.
    await expectText(page.locator('figure.chart-town-open'), '各乡镇在办件');
    expect(await page.locator('figure.chart-town-open svg rect.bar-open').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: '统计报告' }).click();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const period = page.locator('form.period');
    await period.getByLabel('自').fill(today);
    await period.getByLabel('至').fill(today);
    await period.getByRole('button', { name: '统计' }).click();
    await expectText(page.locator('figure.chart-town-rates'), '按时办结率与满意率');
    const report = page.locator('.report table');
    await expectText(report, '评价数');
    await expectText(report, '满意率');
    // Today's cases of 南村镇, this one among them.
    await expectText(report, '南村镇');
    // Where the work in hand waits, by step and person, and by matter: towns and desks by name, never by code.
    await page.getByRole('tab', { name: '办件查询' }).click();
    await expectText(page.locator('.open-tasks table'), '最早到期日');
    await expectText(page.locator('.open-tasks table'), '南村镇便民服务中心综合受理窗口');
    expect(await page.locator('.open-tasks table').innerText()).not.toMatch(/\d{9}/);
    await expectText(page.locator('.matters table'), '婚姻生育情况证明');
    await page.context().close();
    expect((await caseAction(waiting.caseId, 'withdrawal', { reason: '测试结束' })).status).toBe(202);
  });

  it('verifies a stamped document uploaded at the public counter, and catches a changed byte', async () => {
    const filed = await approvedTownCase();
    const { documentId } = await stageOf(filed.caseId, 'concluded');
    const pdf = Buffer.from(
      await (await fetch(`${serviceUrl('seal')}/documents/${documentId ?? ''}`)).arrayBuffer(),
    );

    const page = await freshPage();
    const verify = async (bytes: Buffer) => {
      await page.goto(`${workbench}/#/verify`);
      await page
        .getByLabel('PDF 文书')
        .setInputFiles({ name: '决定书.pdf', mimeType: 'application/pdf', buffer: bytes });
      await page.getByRole('button', { name: '核验' }).click();
    };
    await verify(pdf);
    await expectText(page.locator('main .message'), '文件完整，电子印章有效');
    await expectText(page.locator('main .message'), '泽州县南村镇人民政府行政审批服务专用章');
    const altered = Buffer.from(pdf);
    altered[200] ^= 0x01;
    await verify(altered);
    await expectText(page.locator('main .message'), '文件在加盖电子印章后被改动过');
    await page.context().close();
  });

  it('lets the county administrator confirm a matter’s guide and publish it as a new version', async () => {
    const page = await freshPage();
    await logIn(page, 'zz-admin');
    await page.getByRole('link', { name: '办事指南' }).click();
    await page.getByLabel('事项名称').fill('企业退休人员');
    await page.getByRole('button', { name: '查询本县事项' }).click();
    await page.locator('button[data-code="ZZ-T-031"]').click();
    const form = page.locator('form.guide-form');
    await form.getByLabel('设定依据').fill('《社会保险法》第八条');
    // A guide that does not hold together is refused with every problem named; nothing is published.
    await form.getByLabel('办件类型').selectOption('即办件');
    await form.getByLabel('承诺办结时限（工作日）').fill('5');
    await form.getByLabel('修订说明').fill('县人社局确认');
    await form.getByRole('button', { name: '发布新版本' }).click();
    await expectText(page.locator('main'), '即办件当场办结，承诺办结时限应为 0 个工作日');
    await form.getByLabel('承诺办结时限（工作日）').fill('0');
    // A run before this one may have published the same material: take it out first, so it is not listed twice.
    const earlier = form.locator('.materials tbody tr', { has: page.locator('input[value="退休证"]') });
    if ((await earlier.count()) > 0) await earlier.getByRole('button', { name: '删除' }).click();
    await form.getByRole('button', { name: '添加材料' }).click();
    const added = form.locator('.materials tbody tr').last();
    await added.getByLabel('材料名称').fill('退休证');
    await added.getByLabel('出具单位').fill('人社部门');
    await added.getByLabel('原件份数').fill('1');
    await form.getByRole('button', { name: '发布新版本' }).click();
    await expectText(page.locator('.outcome'), '此后受理的申请按新版本核对材料');
    await expectText(page.locator('.versions table'), '县人社局确认');
    await page.context().close();
  });

  it('lets the administrator adopt the materials public guides list, which the window then checks and the public page shows as confirmed', async () => {
    const page = await freshPage();
    await logIn(page, 'zz-admin');
    await page.getByRole('link', { name: '办事指南', exact: true }).click();
    await page.getByLabel('事项名称').fill('村规民约');
    await page.getByRole('button', { name: '查询本县事项' }).click();
    await page.locator('button[data-code="ZZ-T-014"]').click();
    const form = page.locator('form.guide-form');
    await form.getByRole('button', { name: /采用公开办事指南列明的 \d+ 项材料/ }).click();
    const names = await form
      .locator('.materials [data-field="name"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(names).toEqual(RESEARCHED_VILLAGE_RULES_MATERIALS);
    await form.getByLabel('修订说明').fill('县民政局确认材料清单');
    await form.getByRole('button', { name: '发布新版本' }).click();
    await expectText(page.locator('.outcome'), '此后受理的申请按新版本核对材料');
    await page.goto(`${workbench}/#/matter/ZZ-T-014`);
    const guide = page.locator('.matter-guide');
    await expectText(guide, '四、申请材料');
    const text = await guide.innerText();
    expect(text).toContain(RESEARCHED_VILLAGE_RULES_MATERIALS[0]);
    // Confirmed: the window's list is no longer a county default, and no second list is proposed beside it.
    expect(text).toContain('窗口核验的材料：');
    expect(text).not.toContain('县主管部门确认后按此收取');
    await page.context().close();
  });

  it('lets a bureau officer grant a town direct authority for one of the bureau’s matters, and take it back', async () => {
    // A run that stopped halfway may have left the grant in force.
    await as('zz-county-mz').post(
      `${serviceUrl('intake')}/catalogue/matters/ZZ-T-011/delegations/140525101/revocation`,
      { reason: '测试开始前复原' },
    );
    const page = await freshPage();
    await logIn(page, 'zz-county-mz');
    await page.getByRole('link', { name: '直接赋权' }).click();
    await page.locator('button[data-code="ZZ-T-011"]').click();
    const grant = page.locator('form.grant');
    await grant.getByLabel('乡镇').selectOption({ label: '下村镇' });
    await grant.getByLabel('依据（文件号、原因）').fill('泽民发〔2026〕13号');
    await grant.getByRole('button', { name: '赋权', exact: true }).click();
    await expectText(page.locator('.outcome'), '已赋权');
    const row = page.locator('.delegations tr', { hasText: '泽民发〔2026〕13号' }).first();
    await expectText(row, '赋权中');
    await row.getByLabel('收回原因').fill('试点结束');
    await row.getByRole('button', { name: '收回', exact: true }).click();
    await expectText(page.locator('.outcome'), '已收回');
    await expectText(page.locator('.delegations tr', { hasText: '泽民发〔2026〕13号' }).first(), '已收回');
    await page.context().close();
  });

  it('lets the town’s leader answer a 差评 with what was changed', async () => {
    const filed = await approvedTownCase();
    const proof = { receiptNumber: filed.receiptNumber, queryCode: filed.queryCode };
    await eventually('the case delivered', async () => {
      const { body } = await postJson<{ stage: string }>(`${serviceUrl('routing')}/progress/lookup`, proof);
      return body.stage === 'delivered' ? true : undefined;
    });
    const rated = await postJson(`${serviceUrl('routing')}/progress/rating`, {
      ...proof,
      score: 1,
      comment: '材料清单与窗口要求不一致',
    });
    expect(rated.status).toBe(201);

    const page = await freshPage();
    await logIn(page, 'zz-town-leader');
    await page.getByRole('link', { name: '监察' }).click();
    await page.getByRole('tab', { name: '好差评' }).click();
    const form = page.locator(`form.rating-response[data-case-id="${filed.caseId}"]`);
    await expectText(page.locator('.ratings table'), '材料清单与窗口要求不一致');
    await form.getByLabel('整改措施').fill('已统一窗口与办事指南的材料清单');
    await form.getByRole('button', { name: '提交整改回复' }).click();
    await expectText(page.locator('.ratings-message'), '已回复整改措施');
    await expectText(page.locator('.ratings table'), '已统一窗口与办事指南的材料清单');
    await page.context().close();
  });

  it('lets an auditor replay a town’s record and verify every chain of it', async () => {
    const page = await freshPage();
    await logIn(page, 'zz-auditor');
    await page.getByRole('link', { name: '审计' }).click();
    const place = page.locator('form.place');
    await place.getByLabel('乡镇').selectOption({ label: '南村镇' });
    await place.getByRole('button', { name: '回放', exact: true }).click();
    await expectText(page.locator('.place-events table'), '提交申请');
    await place.getByRole('button', { name: '核验全部事件链' }).click();
    await expectText(page.locator('.place-verdict'), '事件链完整');
    // The check is kept, with who started it: listed again after the screen was left and opened once more.
    await page.getByRole('link', { name: '监察' }).click();
    await page.getByRole('link', { name: '审计' }).click();
    const latest = page.locator('.place-runs tbody tr').first();
    await expectText(latest, '南村镇');
    await expectText(latest, '泽州县审计');
    await expectText(latest, '事件链完整');
    await page.context().close();
  });

  it('lets the county administrator create an account and stop its login', async () => {
    const loginName = `e2e-ui-${Date.now().toString(36)}`;
    const page = await freshPage();
    await logIn(page, 'zz-admin');
    await page.getByRole('link', { name: '人员与岗位' }).click();
    await page.getByLabel('登录名').fill(loginName);
    await page.getByLabel('姓名').fill('界面测试窗口');
    await page.getByLabel('初始密码').fill('ui-password-2026');
    await page.getByLabel('镇便民服务中心综合受理窗口').check();
    await page.locator('form.create').getByLabel('乡镇').selectOption({ label: '下村镇' });
    await page.getByRole('button', { name: '新建账号' }).click();
    await expectText(page.locator('.staff-message'), `已新建账号：${loginName}`);
    const row = page.locator('.staff-list tr', { hasText: loginName });
    await expectText(row, '可登录');
    await row.getByRole('button', { name: '调整岗位' }).click();
    await row.getByLabel('镇便民服务中心审核人员').check();
    await row.getByRole('button', { name: '保存岗位' }).click();
    await expectText(page.locator('.staff-message'), '须重新登录');
    await expectText(page.locator('.staff-list tr', { hasText: loginName }), '镇便民服务中心审核人员');
    // The new clerk's first login asks for their own password, then lets them in.
    const clerk = await freshPage();
    await logIn(clerk, loginName, 'ui-password-2026');
    await expectText(clerk.locator('form.login h2'), '设置新密码');
    await expectText(clerk.locator('form.login .message'), '请先设置您自己的新密码');
    await clerk.getByLabel('新密码', { exact: true }).fill('my-own-password-2026');
    await clerk.getByLabel('再次输入新密码').fill('my-own-password-2026');
    await clerk.getByRole('button', { name: '设置新密码并登录' }).click();
    await expectText(clerk.locator('main h2'), '我的待办');
    await row.getByRole('button', { name: '停用' }).click();
    await expectText(page.locator('.staff-message'), '不能再登录');
    await expectText(page.locator('.staff-list tr', { hasText: loginName }), '已停用');
    await page.context().close();
    // The clerk still has the workbench open: within seconds every service refuses their login, and the
    // workbench sends them back to the login screen saying why.
    await eventually(
      'the stopped clerk sent back to the login',
      async () => {
        await clerk.reload();
        await clerk.waitForTimeout(500);
        return (await clerk.locator('form.login').count()) > 0 ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 1000 },
    );
    await expectText(clerk.locator('form.login'), '您的登录已失效');
    await clerk.context().close();
  });

  it('tells an applicant with a mistyped code that nothing was found, and shows nothing', async () => {
    const page = await freshPage();
    await page.goto(`${workbench}/#/progress`);
    await page.getByLabel('办件编号').fill('140525-20261202-000001');
    await page.getByLabel('查询码').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: '查询' }).click();
    await expectText(page.locator('main .message'), '没有找到该办件：请核对办件编号和查询码');
    expect(await page.locator('.answer').innerText()).toBe('');
    await page.context().close();
  });
});

/** What seeds/guides lists for 村民自治章程、村规民约备案 (ZZ-T-014), from the public sources it cites. */
const RESEARCHED_VILLAGE_RULES_MATERIALS = [
  '备案报告',
  '村民自治章程或村规民约文本',
  '村民会议讨论通过的会议记录或决议',
];
