import { InvalidEnvironmentError } from '@oneseal/service-kit';
import { testAuth } from '@oneseal/testing';
import { loadNotificationEnv } from './notification.env';
import { parseSmsTemplateCodes } from './sms-template-codes';

const base = {
  HTTP_PORT: '3105',
  DATABASE_URL: 'postgres://oneseal@127.0.0.1:55432/oneseal',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_PUBLIC_KEY_FILE: testAuth().publicKeyFile,
  AUTH_SESSION_URL: 'http://127.0.0.1:3107',
};

const allCodes =
  'caseAccepted=SMS_1,caseAcceptedWithQueryCode=SMS_7,correctionRequested=SMS_2,caseRefused=SMS_3,caseDecided=SMS_4,resultReady=SMS_5,resultDelivered=SMS_6,caseExtended=SMS_8,caseSuspended=SMS_9,caseRescheduled=SMS_10,signInCode=SMS_11,ratingAnswered=SMS_12,appointmentBooked=SMS_13,appointmentReminder=SMS_14,homeVisitScheduled=SMS_15';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadNotificationEnv(env);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
}

describe('notification environment', () => {
  it('records messages by default and needs no SMS settings then', () => {
    const env = loadNotificationEnv(base);
    expect(env.SMS_PROVIDER).toBe('recording');
    expect(env.NOTIFICATION_MAX_ATTEMPTS).toBe(10);
    expect(env.NOTIFICATION_RETRY_BASE_MS).toBe(30_000);
  });

  it('reads the delivery settings as numbers', () => {
    const env = loadNotificationEnv({ ...base, NOTIFICATION_POLL_MS: '200', NOTIFICATION_MAX_ATTEMPTS: '3' });
    expect(env.NOTIFICATION_POLL_MS).toBe(200);
    expect(env.NOTIFICATION_MAX_ATTEMPTS).toBe(3);
  });

  it('names every missing Aliyun setting at once', () => {
    const problems = problemsOf({ ...base, SMS_PROVIDER: 'aliyun' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'ALIYUN_SMS_ACCESS_KEY_ID',
      'ALIYUN_SMS_ACCESS_KEY_SECRET',
      'ALIYUN_SMS_SIGN_NAME',
      'ALIYUN_SMS_TEMPLATE_CODES',
    ]);
  });

  it('accepts a complete Aliyun configuration', () => {
    const env = loadNotificationEnv({
      ...base,
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_SMS_SIGN_NAME: '泽州县政务服务',
      ALIYUN_SMS_TEMPLATE_CODES: allCodes,
    });
    expect(env.ALIYUN_SMS_ENDPOINT).toBe('https://dysmsapi.aliyuncs.com');
  });

  it('refuses template codes that leave an SMS template without a code', () => {
    const problems = problemsOf({
      ...base,
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'id',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
      ALIYUN_SMS_SIGN_NAME: '泽州县政务服务',
      ALIYUN_SMS_TEMPLATE_CODES: 'caseAccepted=SMS_1',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('no code for: caseAcceptedWithQueryCode, correctionRequested, caseRefused');
  });

  it('reads template codes', () => {
    expect(parseSmsTemplateCodes(allCodes).caseDecided).toBe('SMS_4');
    expect(() => parseSmsTemplateCodes(`${allCodes},taskOpened=SMS_9`)).toThrow(
      'unknown template(s): taskOpened',
    );
  });
});
