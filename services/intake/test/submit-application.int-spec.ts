import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { Application } from '../src/applications/application.entity';
import { IntakeError, IntakeErrorCode } from '../src/applications/applications.errors';
import { ApplicationsService } from '../src/applications/applications.service';
import type { SubmitApplicationDto } from '../src/applications/dto/submit-application.dto';
import { INTAKE_SCHEMA } from '../src/config/intake.env';

const application: SubmitApplicationDto = {
  county: '140525',
  town: '140525100',
  villageCode: '140525100201',
  matterCode: 'ZZ-T-002',
  channel: 'village-agent',
  applicantName: '赵六',
};

describe('submitting an application (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let service: ApplicationsService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake', { schema: INTAKE_SCHEMA, entities: [Application] });
    service = new ApplicationsService(suite.dataSource);
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
    const stored = await suite.dataSource
      .getRepository(Application)
      .findOneByOrFail({ id: submitted.caseId });
    expect(stored).toEqual(
      expect.objectContaining({
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
    expect(third).toEqual({ ...first, replayed: true });
    expect(await suite.dataSource.getRepository(Application).countBy({ idempotencyKey: key })).toBe(1);
    expect(await outboxCount(first.caseId)).toBe(1);
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
});
