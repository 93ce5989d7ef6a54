import { join } from 'node:path';
import { eventually, formDataFor, ONE_PAGE_PDF, residentIdNumber } from '@oneseal/testing';
import { makeFullyOnline, randomPhone } from './applicant';
import { browserForSuite, expectText, freshPage, logIn, SHOTS, workbench } from './browser';
import { approveToTheEnd, caseView } from './case-api';
import { as, getJson, PROVINCE_STAND_IN, serviceUrl } from './system';

// 城乡居民基本养老保险变更登记 (性别、民族、居住地址、联系电话变更), a matter no other test files: made 全程网办.
const MATTER = 'ZZ-T-033';

interface StandInState {
  stages: { caseNumber: string; stage: string; step?: { name: string; action: string }; handler?: string }[];
  answers: Record<string, { status: string; caseNumber?: string; reasonCode?: string; reason?: string }>;
  guides: { matterCode: string; version: number; guide: { onlineDepth?: number } }[];
}

const standIn = async <T>(path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${PROVINCE_STAND_IN}/_stand-in/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return (await response.json()) as T;
};

interface ExchangeStatus {
  connected: boolean;
  applications: {
    applicationId: string;
    status: string;
    caseId: string | null;
    receiptNumber: string | null;
  }[];
}

describe('省政务服务平台: an application from 一网通办 becomes a case, and every stage of it goes back to the province', () => {
  const browser = browserForSuite();

  beforeAll(() => makeFullyOnline(MATTER, '县人社局确认：城乡居民养老保险变更登记实行全程网办'));

  it('takes the application in, answers the province with the 办件编号, pushes 申办 → 预受理 → 受理 → 办理 → 办结 → 送达, and shows it all to the county', async () => {
    const { body: matter } = await getJson<{
      name: string;
      guide: { form?: Parameters<typeof formDataFor>[0]; materials: { name: string; required: boolean }[] };
    }>(`${serviceUrl('intake')}/catalogue/matters/${MATTER}`);
    // The guide the administrator just made 全程网办 reaches the province too.
    await eventually('the guide at the province', async () => {
      const state = await standIn<StandInState>('state');
      return state.guides.find((guide) => guide.matterCode === MATTER)?.guide.onlineDepth === 4
        ? true
        : undefined;
    });

    const applicationId = `SX-${Date.now()}`;
    await standIn('applications', {
      applicationId,
      submittedAt: new Date().toISOString(),
      county: '140525',
      town: '140525100',
      matterCode: MATTER,
      applicant: { name: '郭淑芬', idNumber: residentIdNumber(1956), phone: randomPhone() },
      ...(matter.guide.form ? { formData: formDataFor(matter.guide.form) } : {}),
      deliveryMethod: 'electronic',
      pages: matter.guide.materials
        .filter((material) => material.required)
        .map((material) => ({
          materialName: material.name,
          fileName: `${material.name}.pdf`,
          contentBase64: ONE_PAGE_PDF.toString('base64'),
        })),
    });
    // And one the window would refuse: the applicant left out every page.
    const incomplete = `${applicationId}-2`;
    await standIn('applications', {
      applicationId: incomplete,
      submittedAt: new Date().toISOString(),
      county: '140525',
      town: '140525100',
      matterCode: MATTER,
      applicant: { name: '郭淑芬', idNumber: residentIdNumber(1956), phone: randomPhone() },
      deliveryMethod: 'electronic',
      pages: [],
    });

    const admin = as('zz-admin');
    const filed = await eventually('the application filed as a case', async () => {
      const { body } = await admin.get<ExchangeStatus>(`${serviceUrl('intake')}/provincial-exchange`);
      const row = body.applications.find((application) => application.applicationId === applicationId);
      return row?.caseId && row.receiptNumber
        ? { caseId: row.caseId, receiptNumber: row.receiptNumber }
        : undefined;
    });
    // The window reaches a case once routing has placed it with the town (until then: 尚在分派中，请稍后再试).
    const caseFile = await eventually('the case file open to the window', async () => {
      const answer = await as('zz-town-window').get<{ channel: string; applicant: { name: string } }>(
        `${serviceUrl('intake')}/applications/${filed.caseId}`,
      );
      return answer.status === 200 ? answer : undefined;
    });
    expect(caseFile.body).toEqual(
      expect.objectContaining({
        channel: 'provincial-portal',
        applicant: expect.objectContaining({ name: '郭淑芬' }),
      }),
    );

    const answers = await eventually('both answers at the province', async () => {
      const state = await standIn<StandInState>('state');
      return state.answers[applicationId] && state.answers[incomplete] ? state.answers : undefined;
    });
    expect(answers[applicationId]).toEqual(
      expect.objectContaining({ status: 'received', caseNumber: filed.receiptNumber }),
    );
    expect(answers[incomplete]).toEqual(
      expect.objectContaining({ status: 'declined', reason: expect.stringContaining('缺少申请材料') }),
    );

    await approveToTheEnd(filed.caseId);
    expect((await caseView(filed.caseId)).stage).toBe('concluded');
    const stages = await eventually('the stages at the province', async () => {
      const state = await standIn<StandInState>('state');
      const ofCase = state.stages.filter((stage) => stage.caseNumber === filed.receiptNumber);
      return ofCase.some((stage) => stage.stage === '送达') ? ofCase : undefined;
    });
    const names = stages.map((stage) => stage.stage);
    expect(names.slice(0, 3)).toEqual(['申办', '预受理', '受理']);
    expect(names.slice(-2)).toEqual(['办结', '送达']);
    expect(names.filter((name) => name === '办理').length).toBeGreaterThanOrEqual(2);
    expect(new Set(stages.map((stage) => JSON.stringify(stage))).size).toBe(stages.length);
    expect(
      stages.filter((stage) => stage.stage === '办理').every((stage) => stage.step?.action === '通过'),
    ).toBe(true);

    // The administrator sees the exchange: nothing waiting, the application filed, the incomplete one declined.
    const page = await freshPage(browser());
    await logIn(page, 'zz-admin');
    await page.goto(`${workbench}/#/province`);
    const view = page.locator('main');
    await expectText(view, '已接入省一体化在线政务服务平台');
    await expectText(view.locator('.province-applications'), filed.receiptNumber);
    await expectText(view.locator('.province-applications'), '未予接收');
    await expectText(view.locator('.province-applications'), '缺少申请材料');
    expect(await view.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    await page.screenshot({ path: join(SHOTS, 'province-exchange.png'), fullPage: true });

    // The case file names the channel as the window reads it.
    await page.goto(`${workbench}/#/cases/${filed.caseId}`);
    await expectText(page.locator('main'), '省政务服务平台');
  });
});
