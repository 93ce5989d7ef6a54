import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { randomPhone, smsCodeSentTo } from './applicant';
import { browserForSuite, expectText, freshPage, SHOTS, workbench } from './browser';
import { decide, fileCase, openTask, stageOf, watcher } from './case-api';
import { as, getJson, postJson, serviceUrl, tokenOf } from './system';

const identity = (path: string, body: unknown) =>
  postJson<{ token?: string; code?: string; details?: Record<string, unknown> }>(
    `${serviceUrl('identity')}${path}`,
    body,
  );

describe('我的办件: an applicant signs in with their mobile number and an SMS code and sees their cases', () => {
  const browser = browserForSuite();

  it('on a phone: every case filed with the number, none of anyone else’s; a decided one with its document', async () => {
    const phone = randomPhone();
    // One decided and delivered electronically, one still at 受理 — both with this number; one of a neighbour.
    const decided = await fileCase({
      matterCode: 'ZZ-T-007',
      channel: 'town-window',
      deliveryMethod: 'electronic',
      applicantPhone: phone,
    });
    for (let nth = 0; nth < 3; nth += 1) {
      const step = await decide(await openTask(decided.caseId, nth), { outcome: 'approve' });
      expect(step.status).toBe(202);
    }
    const waiting = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window', applicantPhone: phone });
    const neighbours = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    await stageOf(decided.caseId, 'concluded');

    const page = await freshPage(browser());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${workbench}/#/my`);
    await page.getByLabel('手机号码').fill(phone);
    const asked = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expectText(page.locator('.view-my .message'), '验证码已发送');
    // The button waits out the minute before another code may be asked for.
    await expectText(page.locator('.view-my .send-code'), '秒后可重新获取');
    await page.getByLabel('验证码').fill(await smsCodeSentTo(phone, asked));
    await page.screenshot({ path: join(SHOTS, 'my-cases-sign-in.png') });
    await page.getByRole('button', { name: '登录' }).click();

    await expectText(page.locator('.view-my .case-cards'), decided.receiptNumber);
    const cards = page.locator('.view-my .case-card');
    await eventually('both cases listed', async () => ((await cards.count()) === 2 ? true : undefined));
    const listed = await page.locator('.view-my .case-cards').innerText();
    expect(listed).toContain(waiting.receiptNumber);
    expect(listed).not.toContain(neighbours.receiptNumber);
    expect(listed).toContain('婚姻生育情况证明');
    await expectText(page.locator('.view-my .signed-in'), `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    await page.screenshot({ path: join(SHOTS, 'my-cases.png'), fullPage: true });

    await cards.filter({ hasText: decided.receiptNumber }).click();
    await expectText(page.locator('.view-my .answer'), '已办结');
    const documents = page.locator('.view-my .answer a[href*="/api/seal/documents/"]');
    expect(await documents.count()).toBeGreaterThan(0);
    // The stamped decision opens from the link, as a PDF anyone can verify.
    const pdf = await page.request.get(`${workbench}${await documents.first().getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.screenshot({ path: join(SHOTS, 'my-case-decided.png'), fullPage: true });

    // 好差评 from here: a 差评 needs its reason; the town's answer to it comes back to this page.
    await page.getByLabel('不满意', { exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await expectText(page.locator('form.rating .message'), '差评请选择不满意的方面或写明原因');
    await page.getByLabel(/意见/).fill('材料清单没有一次说清，跑了两趟');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expectText(page.locator('.view-my .answer'), '整改答复将在此告知');
    const leader = await tokenOf('zz-town-leader');
    const answered = await postJson(
      `${serviceUrl('routing')}/supervision/ratings/${decided.caseId}/response`,
      { measures: '窗口已公示各事项材料清单，首次即一次性告知所需材料' },
      { authorization: `Bearer ${leader}` },
    );
    expect(answered.status).toBeLessThan(300);
    await page.reload();
    await expectText(page.locator('.view-my .answer'), '窗口已公示各事项材料清单');
    // Told by SMS too, and the answer is on the case's audit record with who gave it.
    const told = await eventually('the SMS about the answer', async () => {
      const { body } = await watcher.get<{ body: string; recipientKind: string }[]>(
        `${serviceUrl('notification')}/notifications?caseId=${decided.caseId}`,
      );
      return body.find((message) => message.body.includes('已答复整改情况'));
    });
    expect(told.recipientKind).toBe('applicant');
    const onRecord = await eventually('the answer on the audit record', async () => {
      const { body } = await as('zz-auditor').get<{ type: string; envelope: { actor: { name?: string } } }[]>(
        `${serviceUrl('audit')}/audit/streams/${decided.caseId}/events`,
      );
      return body.find((logged) => logged.type === 'routing.rating-answered');
    });
    expect(onRecord.envelope.actor.name).toBeTruthy();
    await page.screenshot({ path: join(SHOTS, 'my-case-rated-answered.png'), fullPage: true });
  });

  it('refuses a wrong code (counting down), a second code within the minute, and reads nobody else’s case', async () => {
    const phone = randomPhone();
    const asked = new Date(Date.now() - 1000);
    expect((await identity('/applicant/sign-in-codes', { phone })).status).toBe(202);
    const again = await identity('/applicant/sign-in-codes', { phone });
    expect([again.status, again.body.code]).toEqual([429, 'SIGN_IN.TOO_SOON']);
    expect((await identity('/applicant/sign-in-codes', { phone: '12345' })).status).toBe(400);

    const code = await smsCodeSentTo(phone, asked);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await identity('/applicant/sessions', { phone, code: wrongCode });
    expect([wrong.status, wrong.body.code, wrong.body.details]).toEqual([
      401,
      'SIGN_IN.CODE_WRONG',
      { attemptsLeft: 4 },
    ]);
    const signedIn = await identity('/applicant/sessions', { phone, code });
    expect(signedIn.status).toBe(200);
    // One address guessing at many numbers meets its limit, whatever the numbers.
    const sprayer = {
      'x-forwarded-for': `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    };
    const guesses = [];
    for (let n = 0; n < 31; n += 1)
      guesses.push(
        (
          await postJson(
            `${serviceUrl('identity')}/applicant/sessions`,
            { phone: randomPhone(), code: '123456' },
            sprayer,
          )
        ).status,
      );
    expect(guesses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(guesses[30]).toBe(429);
    // Used once: the same code does not sign in twice.
    expect((await identity('/applicant/sessions', { phone, code })).body.code).toBe('SIGN_IN.CODE_EXPIRED');

    const asApplicant = { authorization: `Bearer ${signedIn.body.token}` };
    const someoneElses = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const read = await getJson<{ code: string }>(
      `${serviceUrl('routing')}/applicant/cases/${someoneElses.caseId}`,
      asApplicant,
    );
    expect([read.status, read.body.code]).toEqual([404, 'PROGRESS.NOT_AMONG_MINE']);
    expect((await getJson<unknown[]>(`${serviceUrl('routing')}/applicant/cases`, asApplicant)).body).toEqual(
      [],
    );
    // An applicant's token opens no staff screen, and a clerk's none of an applicant's.
    expect((await getJson(`${serviceUrl('routing')}/cases`, asApplicant)).status).toBe(401);
    const clerk = { authorization: `Bearer ${await tokenOf('zz-town-window')}` };
    expect((await getJson(`${serviceUrl('routing')}/applicant/cases`, clerk)).status).toBe(401);
  });

  it('names the service center on the public pages: its address, phone and hours as the county published them', async () => {
    const admin = { authorization: `Bearer ${await tokenOf('zz-admin')}` };
    const center = `${serviceUrl('intake')}/catalogue/service-centers/140525100`;
    const wrongPhone = await postJson<{ message: string }>(
      center,
      {
        address: '泽州县南村镇政府街8号镇政府一层',
        phone: '3621234',
        hours: '工作日 8:30—12:00，14:30—17:30',
      },
      admin,
      'PUT',
    );
    expect(wrongPhone.status).toBe(400);
    expect(JSON.stringify(wrongPhone.body)).toContain('区号-号码');
    const published = await postJson<{ name: string }>(
      center,
      {
        address: '泽州县南村镇政府街8号镇政府一层',
        phone: '0356-3621234',
        hours: '工作日 8:30—12:00，14:30—17:30',
      },
      admin,
      'PUT',
    );
    expect([published.status, published.body.name]).toEqual([200, '南村镇便民服务中心']);
    // Another county's administrator may not publish it.
    const qinshui = { authorization: `Bearer ${await tokenOf('qs-admin')}` };
    expect(
      (
        await postJson(
          center,
          { address: '沁水县龙港镇某街一号', phone: '0356-1111111', hours: '工作日全天' },
          qinshui,
          'PUT',
        )
      ).status,
    ).toBe(403);

    const page = await freshPage(browser());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${workbench}/#/center/140525100`);
    await expectText(page.locator('.view-center h2'), '泽州县南村镇便民服务中心');
    const facts = await page.locator('.view-center .facts').innerText();
    expect(facts).toContain('泽州县南村镇政府街8号镇政府一层');
    expect(facts).toContain('0356-3621234');
    expect(facts).toContain('工作日 8:30—12:00');
    // The public reads the government's service pages, not the staff's workbench.
    expect(await page.locator('.topbar h1').innerText()).toBe('政务服务 · 网上办事');
    await page.screenshot({ path: join(SHOTS, 'service-center-phone.png'), fullPage: true });
  });
});
