import { createHash } from 'node:crypto';
import {
  AGENT_AUTHORISATION,
  applicantFields,
  eventually,
  formDataFor,
  ONE_PAGE_PDF,
  ONE_PIXEL_PNG,
} from '@oneseal/testing';
import { caseAction, decide, fileCase, openTask, tasksOf, type Refusal } from './case-api';
import { as, getJson, serviceUrl, tokenOf } from './system';

// 临时救助 (ZZ-T-002, town-reviewed, decided by 县民政局), filed by 原家村's agent with its 申请表 and two pages.
const intake = serviceUrl('intake');
const routing = serviceUrl('routing');
const agent = as('zz-village-agent');
const window = as('zz-town-window');
const reviewer = as('zz-town-reviewer');
const civilAffairs = as('zz-county-mz');
const neighbourWindow = as('zz2-town-window');
const otherCounty = as('qs-supervisor');
const auditor = as('zz-auditor');

// A one-pixel PNG and a one-page PDF: the smallest files each format is recognised by.
const PNG = ONE_PIXEL_PNG;
const PDF = ONE_PAGE_PDF;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

interface AttachmentAdded {
  id: string;
  stage: 'filing' | 'correction' | 'scan';
}

interface CaseFile {
  applicant: { name: string; idNumber: string; phone: string };
  authorisation: { agentName: string; signedOn: string } | null;
  matter: { name: string; type: string; unit: { name: string } };
  formData: Record<string, unknown>;
  materials: {
    name: string;
    attachments: { id: string; sha256: string; fileName: string }[];
    missing: boolean;
  }[];
  personalDataShown: boolean;
}
interface Found {
  items: {
    caseId: string;
    receiptNumber: string;
    applicantName: string;
    matterName: string;
    currentStep: string | null;
  }[];
}

describe('the case file: what was applied for, its pages, found by what a clerk knows', () => {
  const applicant = applicantFields('宋春花');
  let caseId: string;
  let receiptNumber: string;
  const pages: { id: string; sha256: string }[] = [];

  beforeAll(async () => {
    const { body: matter } = await getJson<{ guide: { form: Parameters<typeof formDataFor>[0] } }>(
      `${intake}/catalogue/matters/ZZ-T-002`,
    );
    const submitted = await agent.post<{ caseId: string; receiptNumber: string }>(`${intake}/applications`, {
      county: '140525',
      town: '140525100',
      villageCode: '140525100201',
      matterCode: 'ZZ-T-002',
      channel: 'village-agent',
      ...applicant,
      formData: {
        ...formDataFor(matter.guide.form),
        hardshipDescription: '丈夫突发脑梗住院，医疗费用支出大',
      },
      authorisation: AGENT_AUTHORISATION,
    });
    expect(submitted.status).toBe(202);
    ({ caseId, receiptNumber } = submitted.body);
    for (const [materialName, name, content] of [
      ['申请人有效身份证件', '身份证.png', PNG],
      ['申请表', '临时救助申请书.pdf', PDF],
    ] as const) {
      const added = await agent.upload<{ id: string; sha256: string }>(
        `${intake}/applications/${caseId}/attachments`,
        { materialName },
        { name, content },
      );
      expect(added.status).toBe(201);
      pages.push(added.body);
    }
  });

  afterAll(async () => {
    await caseAction(caseId, 'withdrawal', { reason: '测试结束' });
  });

  it('finds the case for the window by the applicant’s name and by the last digits of the ID number', async () => {
    const search = (person: ReturnType<typeof as>, q: string) =>
      eventually(`the case found by ${q}`, async () => {
        const { body } = await person.get<Found>(`${routing}/cases?q=${encodeURIComponent(q)}`);
        return body.items.find((item) => item.caseId === caseId);
      });
    const byName = await search(window, '宋春花');
    expect(byName).toEqual(
      expect.objectContaining({ receiptNumber, applicantName: '宋春花', matterName: '临时救助' }),
    );
    expect(await search(window, applicant.applicantIdNumber.slice(-6))).toEqual(
      expect.objectContaining({ caseId }),
    );
    expect(await search(window, receiptNumber.slice(-4))).toEqual(expect.objectContaining({ caseId }));
    // Out of scope: another town's window and another county's supervisor find nothing.
    for (const outsider of [neighbourWindow, otherCounty]) {
      const { body } = await outsider.get<Found>(`${routing}/cases?q=%E5%AE%8B%E6%98%A5%E8%8A%B1`);
      expect(body.items.map((item) => item.caseId)).not.toContain(caseId);
    }
  });

  it('shows the reviewer the whole application and its pages; a page is the file received', async () => {
    const file = await eventually('the case file', async () => {
      const { status, body } = await reviewer.get<CaseFile>(`${intake}/applications/${caseId}`);
      return status === 200 ? body : undefined;
    });
    expect(file.applicant).toEqual(
      expect.objectContaining({
        name: '宋春花',
        idNumber: applicant.applicantIdNumber,
        phone: applicant.applicantPhone,
      }),
    );
    expect(file.authorisation).toEqual(expect.objectContaining({ signedOn: AGENT_AUTHORISATION.signedOn }));
    expect(file.matter).toEqual(
      expect.objectContaining({
        name: '临时救助',
        type: '行政给付',
        unit: expect.objectContaining({ name: '县民政局' }),
      }),
    );
    expect(file.formData.hardshipDescription).toBe('丈夫突发脑梗住院，医疗费用支出大');
    // File names as the applicant's pages were called, Chinese included.
    expect(file.materials.flatMap((line) => line.attachments.map((page) => page.fileName)).sort()).toEqual(
      ['临时救助申请书.pdf', '身份证.png'].sort(),
    );
    expect(file.materials.flatMap((line) => line.attachments.map((page) => page.sha256)).sort()).toEqual(
      [sha256(PNG), sha256(PDF)].sort(),
    );
    const page = await reviewer.bytes(`${intake}/applications/${caseId}/attachments/${pages[1].id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(page.content)).toBe(sha256(PDF));
  });

  it('records each page’s SHA-256 and each full view of personal data on the case’s audit record', async () => {
    const events = await eventually('the pages and the views in the audit log', async () => {
      const { body } = await auditor.get<{ type: string; envelope: { payload: Record<string, unknown> } }[]>(
        `${serviceUrl('audit')}/audit/streams/${caseId}/events`,
      );
      const added = body.filter((event) => event.type === 'intake.attachment-added');
      const viewed = body.filter((event) => event.type === 'intake.personal-data-viewed');
      // The reviewer opened the application and then its PDF page: both are on the record.
      const pageOpened = viewed.some((event) =>
        (event.envelope.payload.fields as string[]).includes(`attachments/${pages[1].id}`),
      );
      return added.length === 2 && pageOpened ? { added, viewed } : undefined;
    });
    expect(events.added.map((event) => event.envelope.payload.sha256).sort()).toEqual(
      [sha256(PNG), sha256(PDF)].sort(),
    );
    expect(events.viewed[0].envelope.payload).toEqual(
      expect.objectContaining({ viewerName: expect.any(String) }),
    );
    expect(JSON.stringify(events.viewed)).not.toContain(applicant.applicantIdNumber);
    // The auditor replays the record without working the case: the applicant's mobile number shows masked.
    const { body: replayed } = await auditor.get<unknown[]>(
      `${serviceUrl('audit')}/audit/streams/${caseId}/events`,
    );
    expect(JSON.stringify(replayed)).not.toContain(applicant.applicantPhone);
    expect(JSON.stringify(replayed)).toContain(`${applicant.applicantPhone.slice(0, 3)}****`);
  });

  it('masks the ID number for a supervisor; opens the file to 县民政局 once the case reaches it', async () => {
    const watched = await as('zz-supervisor').get<CaseFile>(`${intake}/applications/${caseId}`);
    expect(watched.status).toBe(200);
    expect(watched.body.personalDataShown).toBe(false);
    expect(watched.body.applicant.idNumber).toBe(
      `${applicant.applicantIdNumber.slice(0, 6)}********${applicant.applicantIdNumber.slice(-4)}`,
    );
    // A scan shows the ID card in full: the supervisor sees that it is there, and cannot open it.
    const scan = await as('zz-supervisor').bytes(
      `${intake}/applications/${caseId}/attachments/${pages[0].id}`,
    );
    expect(scan.status).toBe(403);
    expect(JSON.parse(scan.content.toString()).code).toBe('CASE_FILE.PAGES_NOT_FOR_YOUR_ROLE');
    expect((await civilAffairs.get<Refusal>(`${intake}/applications/${caseId}`)).body.code).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    // 代办 (station) → 受理 (window) → 审核 (reviewer) → 决定 at 县民政局.
    for (let nth = 0; nth < 3; nth += 1)
      expect((await decide(await openTask(caseId, nth), { outcome: 'approve' })).status).toBe(202);
    const decision = await openTask(caseId, 3);
    expect(decision.unitCode).toBe('140525-mz');
    const file = await civilAffairs.get<CaseFile>(`${intake}/applications/${caseId}`);
    expect(file.status).toBe(200);
    expect(file.body.applicant.idNumber).toBe(applicant.applicantIdNumber);
    const page = await civilAffairs.bytes(`${intake}/applications/${caseId}/attachments/${pages[0].id}`);
    expect(sha256(page.content)).toBe(sha256(PNG));
    expect((await tasksOf(caseId)).length).toBe(4);
  });

  it('refuses every read to people outside the case’s scope, and a file that is not a page', async () => {
    for (const outsider of [neighbourWindow, otherCounty]) {
      expect((await outsider.get<Refusal>(`${intake}/applications/${caseId}`)).body.code).toBe(
        'AUTH.OUT_OF_SCOPE',
      );
      const page = await outsider.bytes(`${intake}/applications/${caseId}/attachments/${pages[0].id}`);
      expect(page.status).toBe(403);
      expect(page.content.toString()).not.toContain('PNG');
    }
    const refused = await window.upload<Refusal>(
      `${intake}/applications/${caseId}/attachments`,
      { materialName: '申请表' },
      { name: '申请表.pdf', content: Buffer.from('MZ this is a program, not a scan') },
    );
    expect(refused).toEqual({
      status: 415,
      body: expect.objectContaining({ code: 'CASE_FILE.ATTACHMENT_TYPE_NOT_ALLOWED' }),
    });
    const tooBig = await window.upload<Refusal>(
      `${intake}/applications/${caseId}/attachments`,
      { materialName: '申请表' },
      { name: '大文件.pdf', content: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) },
    );
    expect(tooBig).toEqual({
      status: 413,
      body: expect.objectContaining({ code: 'CASE_FILE.ATTACHMENT_TOO_LARGE' }),
    });
    // Two files in one request: refused in the case file's words, not the upload library's.
    const twoFiles = new FormData();
    twoFiles.append('materialName', '申请表');
    twoFiles.append('file', new Blob([PDF]), '第一页.pdf');
    twoFiles.append('file', new Blob([PDF]), '第二页.pdf');
    const both = await fetch(`${intake}/applications/${caseId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf('zz-town-window')}` },
      body: twoFiles,
    });
    expect(both.status).toBe(400);
    expect(((await both.json()) as Refusal).code).toBe('CASE_FILE.UPLOAD_MALFORMED');
    const { body } = await reviewer.get<CaseFile>(`${intake}/applications/${caseId}`);
    expect(body.materials.flatMap((line) => line.attachments)).toHaveLength(2);
  });

  // Each page its own content: the same file sent twice is one page.
  const addPage = (person: ReturnType<typeof as>, onCase: string, name: string, materialName = '申请表') =>
    person.upload<AttachmentAdded & Refusal>(
      `${intake}/applications/${onCase}/attachments`,
      { materialName },
      { name, content: Buffer.concat([PDF, Buffer.from(`%${name}\n`)]) },
    );
  const stageIs = (onCase: string, stage: string) =>
    eventually(`the case ${stage}`, async () => {
      const { body } = await window.get<{ stage: string }>(`${routing}/cases/${onCase}`);
      return body.stage === stage ? true : undefined;
    });

  it('marks paper scanned at the window later as 窗口扫描; the bureau deciding it adds nothing', async () => {
    const scanned = await addPage(window, caseId, '窗口补扫.pdf');
    expect(scanned).toEqual({ status: 201, body: expect.objectContaining({ stage: 'scan' }) });
    // Someone who does not take in the case's paper cannot add to it, even while they decide it.
    expect((await addPage(civilAffairs, caseId, '部门上传.pdf')).body.code).toBe('AUTH.OUT_OF_SCOPE');
    const { body } = await reviewer.get<CaseFile>(`${intake}/applications/${caseId}`);
    expect(body.materials.flatMap((line) => line.attachments.map((page) => page.fileName)).sort()).toEqual(
      ['临时救助申请书.pdf', '身份证.png', '窗口补扫.pdf'].sort(),
    );
  });

  it('files the pages of a 补正 under what it asked for, as 补正时; an ended case takes no more', async () => {
    // A second case of the station's, asked for a 补正 at its 代办 (before 受理, as art. 32 has it).
    const filed = await fileCase({
      matterCode: 'ZZ-T-002',
      channel: 'village-agent',
      villageCode: '140525100201',
    });
    const station = await openTask(filed.caseId, 0);
    expect(station.stepName).toBe('代办');
    const asked = await decide(station, {
      outcome: 'request-correction',
      missingMaterials: ['户口簿复印件'],
    });
    expect(asked.status).toBe(202);
    await stageIs(filed.caseId, 'awaiting-correction');
    // Filed under what the 补正 asked for, though the guide does not list it as such.
    const supplied = await addPage(agent, filed.caseId, '户口簿.pdf', '户口簿复印件');
    expect(supplied).toEqual({ status: 201, body: expect.objectContaining({ stage: 'correction' }) });
    expect((await caseAction(filed.caseId, 'withdrawal', { reason: '申请人撤回' })).status).toBe(202);
    await stageIs(filed.caseId, 'concluded');
    const late = await addPage(window, filed.caseId, '迟到的.pdf');
    expect(late).toEqual({ status: 409, body: expect.objectContaining({ code: 'CASE_FILE.CASE_ENDED' }) });
    const { body } = await window.get<CaseFile>(`${intake}/applications/${filed.caseId}`);
    expect(body.materials.find((line) => line.name === '户口簿复印件')?.attachments).toEqual([
      expect.objectContaining({ fileName: '户口簿.pdf' }),
    ]);
  });
});
