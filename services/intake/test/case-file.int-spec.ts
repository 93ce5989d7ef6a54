import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { AuthUser } from '@oneseal/auth';
import {
  AGENT_AUTHORISATION,
  applicantFields,
  formDataFor,
  ONE_PAGE_PDF,
  ONE_PIXEL_PNG,
  openSuiteDataSource,
  residentIdNumber,
  type SuiteDataSource,
} from '@oneseal/testing';
import { Application } from '../src/applications/application.entity';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import { ApplicationsService } from '../src/applications/applications.service';
import { MAX_ATTACHMENTS_PER_CASE } from '../src/case-files/attachments/attachment-content';
import { AttachmentsService } from '../src/case-files/attachments/attachments.service';
import { CaseFilesService } from '../src/case-files/case-files.service';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { MatterOfferingService } from '../src/catalogue/matter-offering.service';
import { SeedSources } from '../src/catalogue/seed-sources';
import { INTAKE_SCHEMA } from '../src/config/intake.env';

const seeds = new SeedSources(resolve(__dirname, '../../../seeds'));
const agent: AuthUser = {
  id: 'agent-201',
  name: '原家村代办员',
  roles: ['village-agent'],
  county: '140525',
  town: '140525100',
  village: '140525100201',
};
const reviewer: AuthUser = {
  id: 'rev-1',
  name: '南村镇审核员',
  roles: ['town-reviewer'],
  county: '140525',
  town: '140525100',
};

// The smallest files each format can be recognised by.
const PDF = ONE_PAGE_PDF;
const PNG = ONE_PIXEL_PNG;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('the case file: the application readable, its pages kept (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let applications: ApplicationsService;
  let attachments: AttachmentsService;
  let caseFiles: CaseFilesService;
  let caseId: string;
  let idNumber: string;

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake_case_file', { schema: INTAKE_SCHEMA, entities: [Application] });
    await seedCatalogue(suite.dataSource, seeds);
    const cipher = new PersonalDataCipher(randomBytes(32));
    applications = new ApplicationsService(
      suite.dataSource,
      new MatterOfferingService(suite.dataSource),
      randomBytes(32),
      cipher,
    );
    attachments = new AttachmentsService(suite.dataSource);
    caseFiles = new CaseFilesService(suite.dataSource, attachments, cipher);
    const form = seeds.forms().forMatter('ZZ-T-002');
    const applicant = applicantFields('王秀英');
    idNumber = applicant.applicantIdNumber;
    const submitted = await applications.submitApplication(
      {
        county: '140525',
        town: '140525100',
        villageCode: '140525100201',
        matterCode: 'ZZ-T-002',
        channel: 'village-agent',
        ...applicant,
        formData: {
          ...formDataFor(form),
          householdMembers: [
            {
              name: '李明',
              idNumber: residentIdNumber(2010),
              relation: '子女',
              health: '健康',
              laborCapacity: '无劳动能力',
              monthlyIncome: 0,
            },
          ],
        },
        authorisation: AGENT_AUTHORISATION,
      },
      undefined,
      agent,
    );
    caseId = submitted.caseId;
  });

  afterAll(async () => {
    await suite?.close();
  });

  const outboxOf = async (type: string) =>
    (await suite.dataSource.query(
      `SELECT envelope FROM intake.outbox WHERE message_key = $1 AND envelope->>'type' = $2 ORDER BY created_at`,
      [caseId, type],
    )) as { envelope: { payload: Record<string, unknown> } }[];
  const pagesOf = async () =>
    (
      (await suite.dataSource.query(`SELECT count(*)::int AS n FROM intake.attachments WHERE case_id = $1`, [
        caseId,
      ])) as [{ n: number }]
    )[0].n;

  it('keeps a page bound to its material, its SHA-256 announced for the case’s record; the same page twice is one', async () => {
    const first = await attachments.add(
      caseId,
      { materialName: '申请人有效身份证件', fileName: 'C:\\扫描\\身份证.png', content: PNG, stage: 'filing' },
      agent,
    );
    const again = await attachments.add(
      caseId,
      { materialName: '申请人有效身份证件', fileName: '身份证.png', content: PNG, stage: 'filing' },
      agent,
    );
    expect(again.id).toBe(first.id);
    expect(first).toEqual(
      expect.objectContaining({ fileName: '身份证.png', contentType: 'image/png', sha256: sha256(PNG) }),
    );
    const announced = await outboxOf('intake.attachment-added');
    expect(announced.map((event) => event.envelope.payload)).toEqual([
      expect.objectContaining({
        attachmentId: first.id,
        sha256: sha256(PNG),
        materialName: '申请人有效身份证件',
        stage: 'filing',
      }),
    ]);
    const stored = await attachments.content(caseId, first.id);
    expect(sha256(stored.content)).toBe(sha256(PNG));
    // The 授权委托书 is a material of this case: it was filed by an agent.
    await attachments.add(
      caseId,
      { materialName: '授权委托书', fileName: '委托书.pdf', content: PDF, stage: 'filing' },
      agent,
    );
  });

  it.each([
    [
      'a file that is not a scan, photo, PDF or OFD (whatever its name)',
      { fileName: 'x.pdf', content: Buffer.from('MZ\x90\x00 not a pdf') },
      'CASE_FILE.ATTACHMENT_TYPE_NOT_ALLOWED',
    ],
    [
      'a file over 10 MB',
      { content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) },
      'CASE_FILE.ATTACHMENT_TOO_LARGE',
    ],
    ['an empty file', { content: Buffer.alloc(0) }, 'CASE_FILE.ATTACHMENT_MISSING'],
    [
      'a material the guide does not ask for',
      { materialName: '结婚证' },
      'CASE_FILE.ATTACHMENT_MATERIAL_UNKNOWN',
    ],
  ])('refuses %s with a clear error, keeping nothing and announcing nothing', async (_case, change, code) => {
    const [pages, events] = [await pagesOf(), (await outboxOf('intake.attachment-added')).length];
    await expect(
      attachments.add(
        caseId,
        { materialName: '申请表', fileName: '申请表.pdf', content: PDF, stage: 'scan', ...change },
        agent,
      ),
    ).rejects.toMatchObject({ code });
    expect(await pagesOf()).toBe(pages);
    expect((await outboxOf('intake.attachment-added')).length).toBe(events);
  });

  it('keeps one page, announced once, when the same file arrives several times at once', async () => {
    const [pages, events] = [await pagesOf(), (await outboxOf('intake.attachment-added')).length];
    const page = Buffer.concat([PDF, Buffer.from('% sent three times\n')]);
    const sent = await Promise.all(
      [1, 2, 3].map(() =>
        attachments.add(
          caseId,
          { materialName: '申请表', fileName: '重复提交.pdf', content: page, stage: 'scan' },
          agent,
        ),
      ),
    );
    expect(new Set(sent.map((added) => added.id)).size).toBe(1);
    expect(await pagesOf()).toBe(pages + 1);
    expect((await outboxOf('intake.attachment-added')).length).toBe(events + 1);
  });

  it(`keeps at most ${MAX_ATTACHMENTS_PER_CASE} pages a case, however many arrive at once for the last place`, async () => {
    const room = MAX_ATTACHMENTS_PER_CASE - (await pagesOf()) - 1;
    for (let i = 0; i < room; i += 1) {
      const page = Buffer.concat([PDF, Buffer.from(`% page ${i}\n`)]);
      await attachments.add(
        caseId,
        { materialName: '申请表', fileName: `第${i + 1}页.pdf`, content: page, stage: 'scan' },
        agent,
      );
    }
    const lastPlace = await Promise.allSettled(
      ['甲', '乙', '丙'].map((name) =>
        attachments.add(
          caseId,
          {
            materialName: '申请表',
            fileName: `最后一页${name}.pdf`,
            content: Buffer.concat([PDF, Buffer.from(`% last ${name}\n`)]),
            stage: 'scan',
          },
          agent,
        ),
      ),
    );
    expect(lastPlace.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of lastPlace.filter((each) => each.status === 'rejected'))
      expect(outcome.reason).toMatchObject({ code: 'CASE_FILE.ATTACHMENTS_TOO_MANY' });
    expect(await pagesOf()).toBe(MAX_ATTACHMENTS_PER_CASE);
  });

  it('reads the whole application: applicant, agent and 委托书, matter, 申请表, checklist with pages, place names', async () => {
    const view = await caseFiles.read(reviewer, caseId, true);
    expect(view.applicant).toEqual(expect.objectContaining({ name: '王秀英', idNumber }));
    expect(view.authorisation).toEqual(
      expect.objectContaining({ agentName: '原家村代办员', ...AGENT_AUTHORISATION }),
    );
    expect(view.matter).toEqual(
      expect.objectContaining({
        code: 'ZZ-T-002',
        name: '临时救助',
        type: '行政给付',
        handlingMode: '乡级负责受理、审核',
        unit: { code: '140525-mz', name: '县民政局' },
      }),
    );
    expect(view.place).toEqual(
      expect.objectContaining({ townName: '南村镇', villageName: expect.any(String) }),
    );
    expect(view.form?.sections.length).toBeGreaterThan(0);
    const idCard = view.materials.find((line) => line.name === '申请人有效身份证件');
    expect(idCard).toEqual(
      expect.objectContaining({ required: true, missing: false, received: { originals: 1, copies: 1 } }),
    );
    expect(idCard?.attachments.map((page) => page.fileName)).toEqual(['身份证.png']);
    expect(view.materials.map((line) => line.name)).toContain('授权委托书');
  });

  it('shows the full ID number only to those who work the case, and puts each such view on the record', async () => {
    const before = (await outboxOf('intake.personal-data-viewed')).length;
    const masked = await caseFiles.read(reviewer, caseId, false);
    expect(masked.applicant.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(masked.applicant.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const member = (masked.formData.householdMembers as { idNumber: string }[])[0];
    expect(member.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect((masked.formData.payeeAccount as { accountNumber: string }).accountNumber).toMatch(/^\*{4}\d{4}$/);
    expect((await outboxOf('intake.personal-data-viewed')).length).toBe(before);

    const full = await caseFiles.read(reviewer, caseId, true);
    expect(full.applicant.idNumber).toBe(idNumber);
    const records = await outboxOf('intake.personal-data-viewed');
    expect(records.length).toBe(before + 1);
    expect(records[records.length - 1].envelope.payload).toEqual(
      expect.objectContaining({
        viewerId: 'rev-1',
        viewerName: '南村镇审核员',
        fields: expect.arrayContaining([
          'applicantIdNumber',
          'applicantPhone',
          'formData.householdMembers[].idNumber',
          'formData.payeeAccount',
        ]),
      }),
    );
    // The record names what was seen, never the values.
    expect(JSON.stringify(records)).not.toContain(idNumber);
  });
});
