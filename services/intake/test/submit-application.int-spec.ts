import { createHash, randomBytes } from 'node:crypto';
import {
  AGENT_AUTHORISATION,
  applicantFields,
  formDataFor,
  residentIdNumber,
  openSuiteDataSource,
  type SuiteDataSource,
} from '@oneseal/testing';
import { Application } from '../src/applications/application.entity';
import { IntakeError, IntakeErrorCode } from '../src/applications/applications.errors';
import { canonicalJson, lookupDigest } from '@oneseal/domain';
import { LegacyPersonalData } from '../src/personal-data/legacy-personal-data';
import { PersonalDataCipher } from '../src/personal-data/personal-data-cipher';
import { ApplicationsService } from '../src/applications/applications.service';
import type { SubmitApplicationDto } from '../src/applications/dto/submit-application.dto';
import { resolve } from 'node:path';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import {
  MatterOfferingService,
  OfferingError,
  OfferingErrorCode,
} from '../src/catalogue/matter-offering.service';
import { SeedSources } from '../src/catalogue/seed-sources';
import { INTAKE_SCHEMA } from '../src/config/intake.env';

const seeds = new SeedSources(resolve(__dirname, '../../../seeds'));
// 临时救助 through 原家村's station: the applicant, the 申请表 of the seeded guide, and the agent's 授权委托书.
const reliefForm = seeds.forms().forMatter('ZZ-T-002');
const application: SubmitApplicationDto = {
  county: '140525',
  town: '140525100',
  villageCode: '140525100201',
  matterCode: 'ZZ-T-002',
  channel: 'village-agent',
  ...applicantFields('赵六'),
  formData: formDataFor(reliefForm),
  authorisation: AGENT_AUTHORISATION,
};

describe('submitting an application (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let service: ApplicationsService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake', { schema: INTAKE_SCHEMA, entities: [Application] });
    await seedCatalogue(suite.dataSource, seeds);
    service = new ApplicationsService(
      suite.dataSource,
      new MatterOfferingService(suite.dataSource),
      randomBytes(32),
      new PersonalDataCipher(randomBytes(32)),
    );
  });

  afterAll(async () => {
    await suite?.close();
  });

  const outboxCount = async (caseId: string) =>
    (
      (await suite.dataSource.query(`SELECT count(*)::int AS n FROM intake.outbox WHERE message_key = $1`, [
        caseId,
      ])) as [{ n: number }]
    )[0].n;

  it('records the application together with its ApplicationSubmitted event', async () => {
    const submitted = await service.submitApplication(application);
    expect(submitted.replayed).toBe(false);
    // The 查询码 for the receipt: given to the applicant, and carried to routing and notification.
    expect(submitted.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/);
    const [event] = (await suite.dataSource.query(
      `SELECT envelope FROM intake.outbox WHERE message_key = $1`,
      [submitted.caseId],
    )) as { envelope: { payload: { progressQueryCode?: string; receiptNumber: string } } }[];
    expect(event.envelope.payload.progressQueryCode).toBe(submitted.queryCode);
    // The 办件编号 the applicant was told is the one stored and the one the case goes on with.
    expect(submitted.receiptNumber).toMatch(/^140525-\d{8}-\d{6}$/);
    expect(event.envelope.payload.receiptNumber).toBe(submitted.receiptNumber);
    const stored = await suite.dataSource
      .getRepository(Application)
      .findOneByOrFail({ id: submitted.caseId });
    expect(stored).toEqual(
      expect.objectContaining({
        receiptNumber: submitted.receiptNumber,
        applicantName: '赵六',
        channel: 'village-agent',
        villageCode: '140525100201',
      }),
    );
    expect(await outboxCount(submitted.caseId)).toBe(1);
  });

  it('answers a retried submission (same idempotency key) with the same case, creating nothing new', async () => {
    const key = `kiosk-${Date.now()}`;
    const [first, second] = await Promise.all([
      service.submitApplication(application, key),
      service.submitApplication(application, key),
    ]);
    const third = await service.submitApplication(application, key);
    expect(second.caseId).toBe(first.caseId);
    // The same receipt and the same 查询码: the applicant may already hold the first answer's.
    expect(third).toEqual({ ...first, replayed: true });
    expect(third.queryCode).toBeDefined();
    expect(await suite.dataSource.getRepository(Application).countBy({ idempotencyKey: key })).toBe(1);
    expect(await outboxCount(first.caseId)).toBe(1);
    // What the request is recognised by is keyed: a plain hash of it would let the table's reader test guesses of
    // the ID number.
    const [{ stored }] = (await suite.dataSource.query(
      `SELECT request_fingerprint AS stored FROM intake.applications WHERE id = $1`,
      [first.caseId],
    )) as { stored: string }[];
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toBe(createHash('sha256').update(canonicalJson(application)).digest('hex'));
  });

  it('still recognises a retry of an application recorded before fingerprints were keyed', async () => {
    const key = `kiosk-before-${Date.now()}`;
    const first = await service.submitApplication(application, key);
    const owner = await suite.owner();
    await owner.query(`UPDATE intake.applications SET request_fingerprint = $2 WHERE id = $1`, [
      first.caseId,
      createHash('sha256').update(canonicalJson(application)).digest('hex'),
    ]);
    await expect(service.submitApplication(application, key)).resolves.toEqual({ ...first, replayed: true });
  });

  it('refuses to reuse an idempotency key for a different application, and changes nothing', async () => {
    const key = `window-${Date.now()}`;
    await service.submitApplication(application, key);
    const before = await suite.dataSource.getRepository(Application).count();
    await expect(service.submitApplication({ ...application, applicantName: '钱七' }, key)).rejects.toEqual(
      new IntakeError(IntakeErrorCode.IDEMPOTENCY_KEY_REUSED),
    );
    expect(await suite.dataSource.getRepository(Application).count()).toBe(before);
  });

  it.each([
    ['a town of another county', { town: '140521100' }, OfferingErrorCode.TOWN_NOT_IN_COUNTY],
    ['a village of another town', { villageCode: '140525101200' }, OfferingErrorCode.VILLAGE_NOT_IN_TOWN],
    [
      'a matter not in the county catalogue',
      { matterCode: 'ZZ-T-100' },
      OfferingErrorCode.MATTER_NOT_OFFERED,
    ],
    [
      'a village matter at the town window',
      { matterCode: 'ZZ-V-012', channel: 'town-window' as const },
      OfferingErrorCode.VILLAGE_STATION_REQUIRED,
    ],
    [
      'an agent filing without the village',
      { villageCode: undefined },
      OfferingErrorCode.VILLAGE_STATION_REQUIRED,
    ],
  ])('refuses %s with a specific error and records nothing', async (_case, change, code) => {
    const before = await suite.dataSource.getRepository(Application).count();
    const attempt = service.submitApplication({ ...application, ...change });
    await expect(attempt).rejects.toBeInstanceOf(OfferingError);
    await expect(attempt).rejects.toEqual(expect.objectContaining({ code }));
    expect(await suite.dataSource.getRepository(Application).count()).toBe(before);
  });

  it('answers missing materials with one 补正 list naming everything, and records nothing', async () => {
    const before = await suite.dataSource.getRepository(Application).count();
    const attempt = service.submitApplication({
      ...application,
      materials: [{ name: '申请人有效身份证件', originals: 1, copies: 0 }],
    });
    await expect(attempt).rejects.toEqual(
      expect.objectContaining({
        code: IntakeErrorCode.MATERIALS_INCOMPLETE,
        details: expect.objectContaining({
          correctionNotice: ['申请人有效身份证件：复印件不足，需 1 份', '申请表（原件 1 份、复印件 0 份）'],
        }),
      }),
    );
    expect(await suite.dataSource.getRepository(Application).count()).toBe(before);
  });

  it('keeps the 申请表 as the guide version in force asks it, and the 授权委托书 of the agent', async () => {
    const submitted = await service.submitApplication({
      ...application,
      formData: { ...formDataFor(reliefForm), hardshipDescription: '  因病住院，医疗支出大  ' },
    });
    const stored = await suite.dataSource
      .getRepository(Application)
      .findOneByOrFail({ id: submitted.caseId });
    expect(stored.formData).toEqual(expect.objectContaining({ hardshipDescription: '因病住院，医疗支出大' }));
    expect(stored.authorisation).toEqual(AGENT_AUTHORISATION);
  });

  it('names every problem of the 申请表 at once, with the materials still missing, and records nothing', async () => {
    const before = await suite.dataSource.getRepository(Application).count();
    const attempt = service.submitApplication({
      ...application,
      formData: {
        ...formDataFor(reliefForm),
        householdMembers: [{ name: '李明', idNumber: residentIdNumber() }],
        extra: 1,
      },
      materials: [{ name: '申请人有效身份证件', originals: 1, copies: 1 }],
    });
    await expect(attempt).rejects.toEqual(
      expect.objectContaining({
        code: IntakeErrorCode.FORM_INVALID,
        details: expect.objectContaining({
          problems: expect.arrayContaining([
            expect.objectContaining({
              field: 'extra',
              message: expect.stringContaining('没有“extra”这一项'),
            }),
            expect.objectContaining({ field: 'householdMembers[0].relation', message: '必须填写' }),
          ]),
          correctionNotice: ['申请表（原件 1 份、复印件 0 份）'],
        }),
      }),
    );
    expect(await suite.dataSource.getRepository(Application).count()).toBe(before);
  });

  it('refuses a 帮办代办 filing without the applicant’s 授权委托书, or with one signed in the future', async () => {
    const before = await suite.dataSource.getRepository(Application).count();
    await expect(service.submitApplication({ ...application, authorisation: undefined })).rejects.toEqual(
      expect.objectContaining({ code: IntakeErrorCode.AUTHORISATION_REQUIRED }),
    );
    await expect(
      service.submitApplication({
        ...application,
        authorisation: { signedOn: '2099-01-01', scope: '代为申请' },
      }),
    ).rejects.toEqual(expect.objectContaining({ code: IntakeErrorCode.AUTHORISATION_INVALID }));
    expect(await suite.dataSource.getRepository(Application).count()).toBe(before);
  });

  it('numbers receipts per county without gaps or repeats, even when submissions race', async () => {
    const submitted = await Promise.all(
      Array.from({ length: 8 }, () => service.submitApplication({ ...application, ...applicantFields() })),
    );
    const numbers = submitted.map((one) => one.receiptNumber);
    expect(new Set(numbers).size).toBe(8);
    for (const number of numbers) expect(number).toMatch(/^140525-\d{8}-\d{6}$/);
    const sequences = numbers.map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
    expect(sequences[7] - sequences[0]).toBe(7);
  });

  it('carries the applicant phone, receipt number and the guide limits on the submitted event', async () => {
    const submitted = await service.submitApplication({ ...application, ...applicantFields() });
    const [row] = (await suite.dataSource.query(`SELECT envelope FROM intake.outbox WHERE message_key = $1`, [
      submitted.caseId,
    ])) as [{ envelope: { payload: Record<string, unknown> } }];
    expect(row.envelope.payload).toEqual(
      expect.objectContaining({
        receiptNumber: submitted.receiptNumber,
        caseKind: '承诺件',
        committedLimitWorkingDays: expect.any(Number),
        deliveryMethod: 'pick-up',
      }),
    );
    expect(JSON.stringify(row)).not.toContain(application.applicantIdNumber);
  });

  it('keeps the ID number and phone encrypted at rest, found by their keyed digest, and never stored in clear', async () => {
    const applicant = applicantFields();
    const submitted = await service.submitApplication({ ...application, ...applicant });
    const [row] = (await suite.dataSource.query(
      `SELECT applicant_id_number AS "idNumber", applicant_phone AS "phone", applicant_id_digest AS "digest"
         FROM intake.applications WHERE id = $1`,
      [submitted.caseId],
    )) as { idNumber: string; phone: string; digest: string }[];
    expect(row.idNumber).toMatch(/^v1:/);
    expect(row.phone).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(applicant.applicantIdNumber.slice(-6));
    expect(JSON.stringify(row)).not.toContain(applicant.applicantPhone.slice(-4));
    expect(row.digest).toMatch(/^[0-9a-f]{64}$/);

    // Whoever writes the table without the service's key cannot put a number in clear.
    await expect(
      suite.dataSource.query(`UPDATE intake.applications SET applicant_id_number = $2 WHERE id = $1`, [
        submitted.caseId,
        applicant.applicantIdNumber,
      ]),
    ).rejects.toThrow(/applications_identity_encrypted/);
  });

  it('encrypts, when the service starts, what earlier versions stored in clear', async () => {
    const submitted = await service.submitApplication({ ...application, ...applicantFields() });
    const earlier = applicantFields();
    // As a row from before encryption: the constraint came NOT VALID, so the owner may still hold such rows.
    const owner = await suite.owner();
    await owner.query(`ALTER TABLE intake.applications DROP CONSTRAINT applications_identity_encrypted`);
    await owner.query(
      `UPDATE intake.applications SET applicant_id_number = $2, applicant_phone = $3, applicant_id_digest = NULL
        WHERE id = $1`,
      [submitted.caseId, earlier.applicantIdNumber, earlier.applicantPhone],
    );
    const lookupKey = randomBytes(32);
    const cipher = new PersonalDataCipher(randomBytes(32));
    expect(
      await new LegacyPersonalData(suite.dataSource, cipher, lookupKey).encryptAll(),
    ).toBeGreaterThanOrEqual(1);
    const [row] = (await suite.dataSource.query(
      `SELECT applicant_id_number AS "idNumber", applicant_phone AS "phone", applicant_id_digest AS "digest"
         FROM intake.applications WHERE id = $1`,
      [submitted.caseId],
    )) as { idNumber: string; phone: string; digest: string }[];
    expect(cipher.decrypt('applicant_id_number', submitted.caseId, row.idNumber)).toBe(
      earlier.applicantIdNumber,
    );
    expect(cipher.decrypt('applicant_phone', submitted.caseId, row.phone)).toBe(earlier.applicantPhone);
    expect(row.digest).toBe(lookupDigest(lookupKey, 'id-number', earlier.applicantIdNumber));
    await owner.query(`ALTER TABLE intake.applications ADD CONSTRAINT applications_identity_encrypted CHECK (
      (applicant_id_number IS NULL OR applicant_id_number LIKE 'v1:%') AND
      (applicant_phone IS NULL OR applicant_phone LIKE 'v1:%')) NOT VALID`);
  });
});
