import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TOPICS } from '@oneseal/contracts';
import { OutboxRelayService, configureServiceApp } from '@oneseal/service-kit';
import {
  createSuiteDatabase,
  engineEndpoints,
  eventually,
  testAuth,
  TEST_PEOPLE,
  type SuiteDatabase,
  testProducerKeys,
} from '@oneseal/testing';
import { NotificationModule } from '../src/app.module';
import { loadNotificationEnv } from '../src/config/notification.env';
import { NotificationPlanner } from '../src/notifications/notification-planner';
import { caseAcceptedRule } from '../src/notifications/notification-rules';
import { accepted, newCase, submitted } from './support/events';

const main = join(__dirname, '../dist/main.js');

describe('notification boot', () => {
  it('refuses to start with SMS_PROVIDER=aliyun and no Aliyun settings, naming each of them', () => {
    const result = spawnSync(process.execPath, [main], {
      env: {
        PATH: process.env.PATH,
        HTTP_PORT: '3105',
        DATABASE_URL: 'postgres://oneseal@127.0.0.1:55432/oneseal',
        KAFKA_BROKERS: '127.0.0.1:9092',
        SMS_PROVIDER: 'aliyun',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('notification cannot start: its environment is invalid');
    for (const variable of [
      'ALIYUN_SMS_ACCESS_KEY_ID',
      'ALIYUN_SMS_ACCESS_KEY_SECRET',
      'ALIYUN_SMS_SIGN_NAME',
      'ALIYUN_SMS_TEMPLATE_CODES',
    ]) {
      expect(result.stderr).toContain(`${variable}:`);
    }
  });

  // Everything but the Kafka consumer and the outbox relay: the topics are the local system's, and a test case
  // must not reach its audit log.
  describe('the service as it boots (real PostgreSQL and Kafka)', () => {
    let database: SuiteDatabase;
    let app: INestApplication;
    let baseUrl: string;

    beforeAll(async () => {
      database = await createSuiteDatabase('notification_boot');
      const env = loadNotificationEnv({
        HTTP_PORT: '3105',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: engineEndpoints().kafkaBrokers.join(','),
        LOG_LEVEL: 'warn',
        NOTIFICATION_POLL_MS: '200',
        AUTH_PUBLIC_KEY_FILE: testAuth().publicKeyFile,
        AUTH_SESSION_URL: await testAuth().sessionUrl(),
        ...testProducerKeys().env('notification'),
      });
      const moduleRef = await Test.createTestingModule({ imports: [NotificationModule.forEnv(env)] })
        .overrideProvider(OutboxRelayService)
        .useValue({})
        .compile();
      app = moduleRef.createNestApplication();
      configureServiceApp(app);
      await app.listen(0, '127.0.0.1');
      baseUrl = await app.getUrl();
    });

    afterAll(async () => {
      await app?.close();
      await database?.drop();
    });

    const asWindow = { headers: { authorization: testAuth().bearer(TEST_PEOPLE.nancunWindow) } };

    it('answers health and lists a case’s messages with their delivery state', async () => {
      expect((await fetch(`${baseUrl}/health`)).status).toBe(200);

      const test = newCase();
      const planner = app.get(NotificationPlanner);
      await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
      await planner.handleEvent(caseAcceptedRule, accepted(test));

      // Recorded as pending, then delivered by the poller the planner woke (recording provider by default).
      const messages = await eventually('the receipt to be delivered', async () => {
        const response = await fetch(
          `${baseUrl}/notifications?caseId=${test.caseId}&recipientKind=applicant`,
          asWindow,
        );
        const body = (await response.json()) as { status: string }[];
        return body[0]?.status === 'sent' ? body : undefined;
      });
      expect(messages).toEqual([
        expect.objectContaining({
          caseId: test.caseId,
          recipientKind: 'applicant',
          recipient: `${test.phone.slice(0, 3)}****${test.phone.slice(7)}`,
          channel: 'sms',
          template: 'caseAcceptedWithQueryCode',
          status: 'sent',
          attempts: 1,
          lastError: null,
          body: expect.stringContaining(test.receiptNumber),
        }),
      ]);
      const staff = await fetch(
        `${baseUrl}/notifications?caseId=${test.caseId}&recipientKind=staff-unit`,
        asWindow,
      );
      expect(await staff.json()).toEqual([]);

      // Without a login nothing is listed; a clerk of the neighbouring town is told the case is not theirs.
      const anonymous = await fetch(`${baseUrl}/notifications?caseId=${test.caseId}`);
      expect(anonymous.status).toBe(401);
      const neighbour = await fetch(`${baseUrl}/notifications?caseId=${test.caseId}`, {
        headers: { authorization: testAuth().bearer(TEST_PEOPLE.neighbourWindow) },
      });
      expect(neighbour.status).toBe(403);
      expect(((await neighbour.json()) as { code: string }).code).toBe('AUTH.OUT_OF_SCOPE');
    });

    it('refuses a malformed query with the common request error', async () => {
      const response = await fetch(`${baseUrl}/notifications?caseId=nope&recipientKind=mayor`, asWindow);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: string; problems: { field: string }[] };
      expect(body.code).toBe('REQUEST.INVALID');
      expect(body.problems.map((problem) => problem.field).sort()).toEqual(['caseId', 'recipientKind']);
    });
  });
});
