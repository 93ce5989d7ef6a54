import { TOPICS } from '@oneseal/contracts';
import { eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { NOTIFICATION_SCHEMA } from '../src/config/notification.env';
import { parseSmsTemplateCodes } from '../src/config/sms-template-codes';
import { AliyunSmsProvider, type AliyunSmsConfig } from '../src/delivery/aliyun/aliyun-sms.provider';
import { DeliveryFailure } from '../src/delivery/delivery-failure';
import { NotificationDelivery } from '../src/delivery/notification-delivery';
import type { OutgoingMessage } from '../src/delivery/notification-provider';
import { RecordingProvider } from '../src/delivery/recording.provider';
import { Notification } from '../src/notifications/notification.entity';
import { NotificationPlanner } from '../src/notifications/notification-planner';
import { caseAcceptedRule } from '../src/notifications/notification-rules';
import { caseAccepted } from '../src/notifications/templates';
import { FakeAliyunSms } from './fakes/aliyun-sms-fake';
import { accepted, newCase, submitted } from './support/events';

const ACCESS_KEY_ID = 'LTAI-test-notification';
const ACCESS_KEY_SECRET = 'oneseal-test-secret';
const TEMPLATE_CODES = parseSmsTemplateCodes(
  'caseAccepted=SMS_460001,caseAcceptedWithQueryCode=SMS_460007,correctionRequested=SMS_460002,caseRefused=SMS_460003,caseDecided=SMS_460004,resultReady=SMS_460005,resultDelivered=SMS_460006,caseExtended=SMS_460008,caseSuspended=SMS_460009,caseRescheduled=SMS_460010,signInCode=SMS_460011,ratingAnswered=SMS_460012,appointmentBooked=SMS_460013,appointmentReminder=SMS_460014,homeVisitScheduled=SMS_460015',
);

describe('Aliyun SMS adapter against a local server speaking its protocol', () => {
  let fake: FakeAliyunSms;
  let config: AliyunSmsConfig;

  beforeAll(async () => {
    fake = new FakeAliyunSms(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
    config = {
      endpoint: await fake.start(),
      regionId: 'cn-hangzhou',
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      signName: '泽州县政务服务',
      templateCodes: TEMPLATE_CODES,
      timeoutMs: 5000,
    };
  });

  afterAll(async () => {
    await fake?.stop();
  });

  function message(phone: string): OutgoingMessage {
    const rendered = caseAccepted({
      matterName: '临时救助',
      receiptNumber: '140525-20261123-000001',
      queryCode: 'K7QM-3XPD-9RTA',
      committedDueDate: '2026-12-07',
    });
    return { notificationId: '0b7c6a52-1111-4c4c-9a9a-0123456789ab', recipient: phone, ...rendered };
  }

  async function failureOf(promise: Promise<unknown>): Promise<DeliveryFailure> {
    const error: unknown = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof DeliveryFailure))
      throw new Error(`expected a DeliveryFailure, got ${String(error)}`);
    return error;
  }

  it('sends a signed SendSms request the server accepts, with the approved template and its variables', async () => {
    const bizId = await new AliyunSmsProvider(config).send(message('13900000001'));
    expect(bizId).toMatch(/\^0$/);
    const request = fake.accepted.at(-1);
    expect(request).toEqual(
      expect.objectContaining({
        Action: 'SendSms',
        Version: '2017-05-25',
        PhoneNumbers: '13900000001',
        SignName: '泽州县政务服务',
        TemplateCode: 'SMS_460007',
        OutId: '0b7c6a52-1111-4c4c-9a9a-0123456789ab',
      }),
    );
    expect(JSON.parse(request?.TemplateParam ?? '')).toEqual({
      matter: '临时救助',
      receipt: '140525-20261123-000001',
      code: 'K7QM-3XPD-9RTA',
      dueDate: '2026年12月7日',
    });
  });

  it('is refused, permanently, when its signature does not match (a wrong secret)', async () => {
    const failure = await failureOf(
      new AliyunSmsProvider({ ...config, accessKeySecret: 'not-the-secret' }).send(message('13900000002')),
    );
    expect(failure).toEqual(expect.objectContaining({ retryable: false, code: 'SignatureDoesNotMatch' }));
  });

  it('classifies the provider’s error codes: rate limits are retried, an illegal number is not', async () => {
    fake.answerFor('13900000003', {
      status: 200,
      body: { RequestId: 'R1', Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发小时级流控Permits:5' },
    });
    fake.answerFor('13900000004', {
      status: 200,
      body: { RequestId: 'R2', Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' },
    });
    const provider = new AliyunSmsProvider(config);
    expect(await failureOf(provider.send(message('13900000003')))).toEqual(
      expect.objectContaining({ retryable: true, code: 'isv.BUSINESS_LIMIT_CONTROL' }),
    );
    const illegal = await failureOf(provider.send(message('13900000004')));
    expect(illegal).toEqual(expect.objectContaining({ retryable: false, code: 'isv.MOBILE_NUMBER_ILLEGAL' }));
    expect(illegal.message).toBe('非法手机号 (RequestId R2)');
  });

  it('retries when the gateway is down or unreachable', async () => {
    fake.answerFor('13900000005', { status: 503, body: '<html>503 Service Temporarily Unavailable</html>' });
    expect(await failureOf(new AliyunSmsProvider(config).send(message('13900000005')))).toEqual(
      expect.objectContaining({ retryable: true, code: 'HTTP_503' }),
    );
    const closed = new FakeAliyunSms(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
    const endpoint = await closed.start();
    await closed.stop();
    expect(
      await failureOf(new AliyunSmsProvider({ ...config, endpoint }).send(message('13900000006'))),
    ).toEqual(expect.objectContaining({ retryable: true, code: 'NOTIFICATION.SMS_UNREACHABLE' }));
  });

  describe('delivering through it (real PostgreSQL)', () => {
    let suite: SuiteDataSource;

    beforeAll(async () => {
      suite = await openSuiteDataSource('notification_aliyun', {
        schema: NOTIFICATION_SCHEMA,
        entities: [Notification],
      });
    });

    afterAll(async () => {
      await suite?.close();
    });

    it('sends the applicant’s receipt after a rate limit, records the provider’s id and announces it', async () => {
      const test = newCase();
      fake.answerFor(test.phone, {
        status: 200,
        body: { RequestId: 'R3', Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' },
      });
      const planner = new NotificationPlanner(suite.dataSource);
      await planner.recordApplicant(submitted(test), TOPICS.applicationSubmittedV1);
      await planner.handleEvent(caseAcceptedRule, accepted(test));
      const delivery = new NotificationDelivery(
        suite.dataSource,
        { sms: new AliyunSmsProvider(config), inbox: new RecordingProvider() },
        { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 5, leaseMs: 60_000 },
      );

      const sent = await eventually('the receipt SMS to be sent', async () => {
        await delivery.deliverDue();
        const message = await suite.dataSource.getRepository(Notification).findOneBy({ caseId: test.caseId });
        return message?.status === 'sent' ? message : undefined;
      });
      expect(sent).toEqual(
        expect.objectContaining({
          provider: 'aliyun-sms',
          attempts: 2,
          providerMessageId: expect.stringMatching(/\^0$/),
        }),
      );
      const request = fake.accepted.find((params) => params.PhoneNumbers === test.phone);
      expect(request?.OutId).toBe(sent.id);
      expect(request?.TemplateCode).toBe('SMS_460007');
      const announced = (await suite.dataSource.query(
        `SELECT count(*)::int AS n FROM notification.outbox WHERE topic = $1 AND envelope->'payload'->>'notificationId' = $2`,
        [TOPICS.notificationSentV1, sent.id],
      )) as [{ n: number }];
      expect(announced[0].n).toBe(1);
    });
  });
});
