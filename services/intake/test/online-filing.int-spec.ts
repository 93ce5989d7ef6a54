import { randomBytes, randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { CodedError } from '@oneseal/errors';
import {
  formDataFor,
  refusalCodeOf,
  ONE_PAGE_PDF,
  ONE_PIXEL_PNG,
  openSuiteDataSource,
  residentIdNumber,
  type SuiteDataSource,
} from '@oneseal/testing';
import { Application } from '../src/applications/application.entity';
import { ApplicationsService } from '../src/applications/applications.service';
import { AttachmentsService } from '../src/case-files/attachments/attachments.service';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { MatterOfferingService } from '../src/catalogue/matter-offering.service';
import { SeedSources } from '../src/catalogue/seed-sources';
import { INTAKE_SCHEMA } from '../src/config/intake.env';
import type { OnlineApplicationDto } from '../src/online-filing/dto/online-application.dto';
import { ApplicantPagesService } from '../src/online-filing/applicant-pages.service';
import type { ApplicantCaseClient, ApplicantCaseStanding } from '../src/online-filing/applicant-case.client';
import { ONLINE_FILINGS_PER_DAY } from '../src/online-filing/online-filing.errors';
import { OnlineFilingService } from '../src/online-filing/online-filing.service';
import { onlineHandlingReport } from '../src/online-handling/online-handling-report';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';

const seeds = new SeedSources(resolve(__dirname, '../../../seeds'));
// 城乡居民基本养老保险参保登记: made 全程网办 in this suite's database, as the county's administrator would publish it.
const ONLINE_MATTER = 'ZZ-T-032';
const WINDOW_ONLY_MATTER = 'ZZ-T-007';
const phoneNumber = () => `138${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;
const file = (originalname: string, buffer: Buffer) => ({ originalname, buffer });

describe('网上申报: an applicant files online with their pages (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let online: OnlineFilingService;
  let pages: ApplicantPagesService;
  let standing: ApplicantCaseStanding;
  const application = (overrides: Partial<OnlineApplicationDto> = {}): OnlineApplicationDto => ({
    county: '140525',
    town: '140525100',
    matterCode: ONLINE_MATTER,
    applicantName: '王秀英',
    applicantIdNumber: residentIdNumber(1958),
    formData: formDataFor(seeds.forms().forMatter(ONLINE_MATTER)),
    deliveryMethod: 'electronic',
    pageMaterials: ['申请人有效身份证件', '申请表'],
    ...overrides,
  });
  const bothPages = [file('身份证.pdf', ONE_PAGE_PDF), file('申请表.png', ONE_PIXEL_PNG)];
  const count = async (table: string) =>
    ((await suite.dataSource.query(`SELECT count(*)::int AS n FROM intake.${table}`)) as { n: number }[])[0]
      .n;

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake_online_filing', {
      schema: INTAKE_SCHEMA,
      entities: [Application],
    });
    await seedCatalogue(suite.dataSource, seeds);
    await suite.dataSource.query(
      `UPDATE intake.matter_versions SET guide = guide || '{"onlineDepth": 4, "onSiteVisits": 0}'::jsonb
        WHERE matter_code = $1`,
      [ONLINE_MATTER],
    );
    const lookupKey = randomBytes(32);
    const cipher = new PersonalDataCipher(randomBytes(32));
    const attachments = new AttachmentsService(suite.dataSource);
    const offering = new MatterOfferingService(suite.dataSource);
    online = new OnlineFilingService(
      new ApplicationsService(suite.dataSource, offering, lookupKey, cipher),
      offering,
      attachments,
      lookupKey,
    );
    // Routing's answer about the case (it runs in e2e): here, what each test sets.
    const routing = { standing: async () => standing } as unknown as ApplicantCaseClient;
    pages = new ApplicantPagesService(suite.dataSource, cipher, attachments, routing);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('records the application and its pages together, by the channel 网上申请, with the applicant as the actor', async () => {
    const phone = phoneNumber();
    const filed = await online.file({ phone }, application(), bothPages);
    const [row] = (await suite.dataSource.query(
      `SELECT channel, materials, filed_by AS "filedBy", online_filer_digest AS digest FROM intake.applications
        WHERE id = $1`,
      [filed.caseId],
    )) as { channel: string; materials: unknown[]; filedBy: string | null; digest: string }[];
    expect(row).toEqual({
      channel: 'online',
      materials: [
        { name: '申请人有效身份证件', originals: 0, copies: 0, pages: 1 },
        { name: '申请表', originals: 0, copies: 0, pages: 1 },
      ],
      filedBy: null,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const kept = (await suite.dataSource.query(
      `SELECT material_name AS name, stage, file_name AS "fileName" FROM intake.attachments WHERE case_id = $1
        ORDER BY material_name`,
      [filed.caseId],
    )) as unknown[];
    expect(kept).toEqual([
      { name: '申请人有效身份证件', stage: 'filing', fileName: '身份证.pdf' },
      { name: '申请表', stage: 'filing', fileName: '申请表.png' },
    ]);
    const events = (await suite.dataSource.query(
      `SELECT envelope->>'type' AS type, envelope->'actor' AS actor, envelope->'payload'->>'channel' AS channel
         FROM intake.outbox WHERE message_key = $1 ORDER BY created_at, envelope->>'type'`,
      [filed.caseId],
    )) as { type: string; actor: unknown; channel: string | null }[];
    expect(events.map((event) => event.type).sort()).toEqual([
      'intake.application-submitted',
      'intake.attachment-added',
      'intake.attachment-added',
    ]);
    for (const event of events)
      expect(event.actor).toEqual({ kind: 'person', id: 'applicant', role: 'applicant' });
    expect(events.find((event) => event.type === 'intake.application-submitted')?.channel).toBe('online');
  });

  it('names every form problem and every material without a page at once, and records nothing', async () => {
    const before = [await count('applications'), await count('attachments'), await count('outbox')];
    const refusal = await online
      .file({ phone: phoneNumber() }, application({ formData: {}, pageMaterials: ['申请表'] }), [
        file('申请表.png', ONE_PIXEL_PNG),
      ])
      .catch((error: CodedError<string>) => error);
    expect((refusal as CodedError<string>).code).toBe('INTAKE.FORM_INVALID');
    expect((refusal as CodedError<string>).details).toEqual(
      expect.objectContaining({
        notUploaded: ['申请人有效身份证件'],
        problems: expect.arrayContaining([expect.objectContaining({ field: 'hukouAddress' })]),
      }),
    );
    const pagesMissing = await refusalCodeOf(
      online.file({ phone: phoneNumber() }, application({ pageMaterials: ['申请表'] }), [
        file('申请表.png', ONE_PIXEL_PNG),
      ]),
    );
    expect(pagesMissing).toBe('ONLINE.MATERIALS_NOT_UPLOADED');
    expect([await count('applications'), await count('attachments'), await count('outbox')]).toEqual(before);
  });

  it('refuses what the guide does not allow online: the matter, the delivery, a page of no listed material', async () => {
    const phone = { phone: phoneNumber() };
    expect(
      await refusalCodeOf(online.file(phone, application({ matterCode: WINDOW_ONLY_MATTER }), bothPages)),
    ).toBe('ONLINE.NOT_ONLINE');
    await suite.dataSource.query(
      `UPDATE intake.matter_versions SET guide = guide || '{"onlineDepth": 3}'::jsonb WHERE matter_code = $1`,
      [ONLINE_MATTER],
    );
    try {
      // 网上申请、窗口取件: the result is collected at the window, never delivered electronically.
      expect(await refusalCodeOf(online.file(phone, application(), bothPages))).toBe(
        'ONLINE.DELIVERY_NOT_ONLINE',
      );
    } finally {
      await suite.dataSource.query(
        `UPDATE intake.matter_versions SET guide = guide || '{"onlineDepth": 4}'::jsonb WHERE matter_code = $1`,
        [ONLINE_MATTER],
      );
    }
    expect(
      await refusalCodeOf(
        online.file(phone, application({ pageMaterials: ['申请人有效身份证件', '结婚证'] }), bothPages),
      ),
    ).toBe('ONLINE.PAGE_MATERIAL_UNKNOWN');
    expect(await refusalCodeOf(online.file(phone, application(), [bothPages[0]]))).toBe(
      'ONLINE.PAGES_UNMATCHED',
    );
    expect(
      await refusalCodeOf(
        online.file(phone, application(), [file('说明.txt', Buffer.from('纯文本')), bothPages[1]]),
      ),
    ).toBe('CASE_FILE.ATTACHMENT_TYPE_NOT_ALLOWED');
    // A village matter is filed at the village station, where the agent checks the applicant.
    expect(await refusalCodeOf(online.file(phone, application({ matterCode: 'ZZ-V-001' }), bothPages))).toBe(
      'INTAKE.VILLAGE_STATION_REQUIRED',
    );
  });

  it('files for a family member only with the 授权委托书, kept with the relation and who filed', async () => {
    const onBehalf = {
      agentName: '王小明',
      relationship: '子女' as const,
      signedOn: '2026-12-01',
      scope: '代为网上申请、补正材料、接收办理结果',
    };
    const phone = { phone: phoneNumber() };
    expect(await refusalCodeOf(online.file(phone, application({ onBehalf }), bothPages))).toBe(
      'ONLINE.AUTHORISATION_NOT_UPLOADED',
    );
    const filed = await online.file(
      phone,
      application({ onBehalf, pageMaterials: ['申请人有效身份证件', '申请表', '授权委托书'] }),
      [
        ...bothPages,
        file('委托书.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64)])),
      ],
    );
    const [row] = (await suite.dataSource.query(
      `SELECT authorisation, filed_by_name AS "filedByName" FROM intake.applications WHERE id = $1`,
      [filed.caseId],
    )) as { authorisation: unknown; filedByName: string }[];
    expect(row).toEqual({
      authorisation: { signedOn: '2026-12-01', scope: onBehalf.scope, relationship: '子女' },
      filedByName: '王小明',
    });
  });

  it('answers a retry with the same case, and refuses another application under the same key', async () => {
    const phone = { phone: phoneNumber() };
    const once = application();
    const first = await online.file(phone, once, bothPages, 'retry-key-1');
    const retried = await online.file(phone, once, bothPages, 'retry-key-1');
    expect(retried).toEqual({ ...first, replayed: true });
    expect(
      await refusalCodeOf(online.file(phone, { ...once, applicantName: '李四' }, bothPages, 'retry-key-1')),
    ).toBe('INTAKE.IDEMPOTENCY_KEY_REUSED');
  });

  it(`takes at most ${ONLINE_FILINGS_PER_DAY} applications a day from one number, however they arrive`, async () => {
    const phone = { phone: phoneNumber() };
    const results = await Promise.all(
      Array.from({ length: ONLINE_FILINGS_PER_DAY + 2 }, () =>
        refusalCodeOf(online.file(phone, application(), bothPages)),
      ),
    );
    expect(results.filter((code) => code === 'none')).toHaveLength(ONLINE_FILINGS_PER_DAY);
    expect(results.filter((code) => code === 'ONLINE.TOO_MANY_TODAY')).toHaveLength(2);
    // Another number is not held up by it.
    expect(await refusalCodeOf(online.file({ phone: phoneNumber() }, application(), bothPages))).toBe('none');
  });

  it('takes a 补正 online only from the number that filed, only while one is awaited', async () => {
    const phone = phoneNumber();
    const filed = await online.file({ phone }, application(), bothPages);
    const page = { materialName: '户口簿', fileName: '户口簿.jpg', content: ONE_PAGE_PDF };
    standing = { correction: null };
    expect(await refusalCodeOf(pages.addCorrectionPage({ phone }, 'Bearer t', filed.caseId, page))).toBe(
      'ONLINE.NOT_AWAITING_CORRECTION',
    );
    standing = { correction: { missingMaterials: ['户口簿'], supplyBy: '2027-01-20' } };
    expect(
      await refusalCodeOf(pages.addCorrectionPage({ phone: phoneNumber() }, 'Bearer t', filed.caseId, page)),
    ).toBe('ONLINE.NOT_AMONG_MINE');
    const kept = await pages.addCorrectionPage({ phone }, 'Bearer t', filed.caseId, page);
    expect(kept).toEqual(
      expect.objectContaining({ materialName: '户口簿', stage: 'correction', fileName: '户口簿.pdf' }),
    );
    expect(
      (await pages.pages({ phone }, filed.caseId)).map((each) => [each.materialName, each.stage]),
    ).toEqual(expect.arrayContaining([['户口簿', 'correction']]));
  });

  it('reports 网上可办率 over matters against the plan, and 网上办件率 over a period’s cases', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const before = await onlineHandlingReport(suite.dataSource, { county: '140525', from: today, to: today });
    await online.file({ phone: phoneNumber() }, application(), bothPages);
    const after = await onlineHandlingReport(suite.dataSource, { county: '140525', from: today, to: today });
    const town = (report: typeof after) => report.towns.find((row) => row.town === '140525100');
    expect(town(after)).toEqual(
      expect.objectContaining({
        townName: '南村镇',
        online: (town(before)?.online ?? 0) + 1,
        received: (town(before)?.received ?? 0) + 1,
      }),
    );
    const townMatters = after.matters.find((rate) => rate.level === 'town');
    // One town matter made 全程网办 in this suite; information services (咨询、查询…) are not counted as applied for.
    expect(townMatters).toEqual(
      expect.objectContaining({ online: 1, fullyOnline: 1, target: 0.6, met: false }),
    );
    expect(townMatters?.matters).toBeLessThan(
      (
        (await suite.dataSource.query(
          `SELECT count(*)::int AS n FROM intake.matters WHERE county_code = '140525' AND level = 'town'`,
        )) as { n: number }[]
      )[0].n,
    );
    expect(after.targetSource).toContain('泽审改办发〔2022〕2号');
    // 沁水县's documents set no target: none is assumed.
    const qinshui = await onlineHandlingReport(suite.dataSource, {
      county: '140521',
      from: today,
      to: today,
    });
    expect(qinshui.matters.every((rate) => rate.target === null && rate.met === null)).toBe(true);
  });
});
