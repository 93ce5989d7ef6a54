import { join } from 'node:path';
import { eventually } from '@oneseal/testing';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { decide, fileCase, openTask } from './case-api';
import { as, serviceUrl } from './system';

interface RatingOnRecord {
  caseId: string;
  serviceEvent: string;
  channel: string;
  servedByName: string | null;
  reasons: string[];
  rectifyBy: string | null;
  response: string | null;
  revisit: { method: string; scoreAfter: number } | null;
}

const ratingsOf = async (caseId: string) =>
  (
    await as('zz-town-leader').get<RatingOnRecord[]>(
      `${serviceUrl('routing')}/supervision/ratings?county=140525&town=140525100`,
    )
  ).body.filter((rating) => rating.caseId === caseId);

describe('一次一评 at the counter: the 评价器 rates the 受理 the clerk just did, and the 差评 is followed up', () => {
  const browser = browserForSuite();

  it('pushes the service to the pad, takes the rating with its reasons, and closes the loop: 整改, 回访, statistics', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const acceptance = await openTask(filed.caseId, 0);
    expect((await decide(acceptance, { outcome: 'approve' })).status).toBe(202);

    // The pad at the counter, signed in as the clerk, faces the applicant.
    const pad = await freshPage(browser());
    await pad.setViewportSize({ width: 1024, height: 768 });
    await logIn(pad, 'zz-town-window');
    await pad.goto(`${workbench}/#/pad`);
    // Idle, or still showing a service nobody rated (a request stands 15 minutes).
    await pad.locator('.pad-idle, .pad-rating').first().waitFor();

    // The clerk asks for the rating from the case's page.
    const clerk = await freshPage(browser());
    await logIn(clerk, 'zz-town-window');
    await clerk.goto(`${workbench}/#/cases/${filed.caseId}`);
    await clerk.getByRole('button', { name: '请申请人在评价器上评价' }).click();
    await expectText(clerk.locator('.counter-rating .message'), '已推送到评价器');

    // The clerk's new request replaces any earlier one: the pad turns to this case's 受理.
    await pad.locator(`.pad-rating[data-case-id="${filed.caseId}"]`).waitFor();
    await expectText(pad.locator('.pad-board'), '请您对本次服务进行评价');
    await expectText(pad.locator('.pad-board'), '窗口受理');
    await pad.screenshot({ path: join(SHOTS, 'rating-pad.png') });
    await pad.getByRole('button', { name: '不满意', exact: true }).click();
    await pad.getByRole('button', { name: '提交评价' }).click();
    await expectText(pad.locator('.pad-board .message'), '差评请选择不满意的方面');
    await pad.getByLabel('服务态度').check();
    await pad.getByLabel('办事效率').check();
    expect(await pad.getByRole('button', { name: '不满意', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await pad.screenshot({ path: join(SHOTS, 'rating-pad-reasons.png') });
    await pad.getByRole('button', { name: '提交评价' }).click();
    await expectText(pad.locator('.pad-board'), '感谢您的评价');

    // On the town's list: the service, who served, the reasons, the deadline of the 整改.
    const [rated] = await eventually('the counter rating listed', async () => {
      const found = await ratingsOf(filed.caseId);
      return found.length ? found : undefined;
    });
    expect(rated).toEqual(
      expect.objectContaining({
        serviceEvent: 'acceptance',
        channel: 'window-pad',
        reasons: ['服务态度', '办事效率'],
        servedByName: expect.stringContaining('南村镇受理窗口'),
        rectifyBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    );
    // One rating per service: the same 受理 is not rated twice.
    const again = await as('zz-town-window').post<{ code: string }>(
      `${serviceUrl('routing')}/rating-pad/requests`,
      {
        caseId: filed.caseId,
        serviceEvent: 'acceptance',
      },
    );
    expect([again.status, again.body.code]).toEqual([409, 'PROGRESS.ALREADY_RATED']);
    // Nobody asks a rating of a service they did not give.
    const notMine = await as('zz-village-agent').post<{ code: string }>(
      `${serviceUrl('routing')}/rating-pad/requests`,
      { caseId: filed.caseId, serviceEvent: 'acceptance' },
    );
    expect(notMine.status).toBeGreaterThanOrEqual(403);

    // The town's leader answers with the 整改 and records the 回访, from 监察.
    const leader = await freshPage(browser());
    await leader.setViewportSize({ width: 1440, height: 900 });
    await logIn(leader, 'zz-town-leader');
    await leader.goto(`${workbench}/#/supervision`);
    await leader.getByRole('tab', { name: '好差评' }).click();
    const row = leader.locator('.ratings tr', { hasText: filed.receiptNumber });
    await expectText(row, '窗口评价器');
    await row.getByLabel('整改措施').fill('对窗口人员开展服务礼仪培训，高峰时段增开一个窗口');
    await row.getByRole('button', { name: '提交整改回复' }).click();
    await expectText(leader.locator('.ratings-message'), '已回复整改措施');
    const answered = leader.locator('.ratings tr', { hasText: filed.receiptNumber });
    await answered.getByLabel('回访方式').selectOption({ label: '电话回访' });
    await answered.getByLabel('整改后评价').selectOption({ label: '满意' });
    await answered.getByLabel('回访情况').fill('申请人认可整改');
    await answered.getByRole('button', { name: '记录回访' }).click();
    await expectText(leader.locator('.ratings-message'), '已记录回访');
    await expectText(leader.locator('.ratings tr', { hasText: filed.receiptNumber }), '整改后评价满意');
    await leader.locator('.ratings tr', { hasText: filed.receiptNumber }).screenshot({
      path: join(SHOTS, 'rating-followed-up.png'),
    });
    // The applicant reads the answer where the SMS sends them (办件查询), under 窗口服务评价.
    const lookup = await fetch(`${serviceUrl('routing')}/progress/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receiptNumber: filed.receiptNumber, queryCode: filed.queryCode }),
    });
    const progress = (await lookup.json()) as {
      counterRatings: { serviceEventText: string; answer: { text: string } | null }[];
    };
    expect(progress.counterRatings).toEqual([
      expect.objectContaining({
        serviceEventText: '窗口受理',
        answer: expect.objectContaining({ text: '对窗口人员开展服务礼仪培训，高峰时段增开一个窗口' }),
      }),
    ]);
    const [followedUp] = await ratingsOf(filed.caseId);
    expect(followedUp.revisit).toEqual(expect.objectContaining({ method: 'phone', scoreAfter: 4 }));

    // Both follow-ups are on the case's audit record.
    const recorded = await eventually('the follow-ups on the audit record', async () => {
      const { body } = await as('zz-auditor').get<{ type: string }[]>(
        `${serviceUrl('audit')}/audit/streams/${filed.caseId}/events`,
      );
      const types = body.map((logged) => logged.type);
      return types.includes('routing.rating-revisited') && types.includes('routing.rating-answered')
        ? types
        : undefined;
    });
    expect(recorded).toContain('routing.service-rated');

    // Counted for the town and the person who served.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const { body: stats } = await as('zz-supervisor').get<{
      people: { servedByName: string; dissatisfied: number; revisited: number }[];
    }>(`${serviceUrl('routing')}/supervision/ratings/stats?county=140525&from=${today}&to=${today}`);
    const person = stats.people.find((each) => each.servedByName === rated.servedByName);
    expect(person?.dissatisfied).toBeGreaterThan(0);
    expect(person?.revisited).toBeGreaterThan(0);
  });
});
