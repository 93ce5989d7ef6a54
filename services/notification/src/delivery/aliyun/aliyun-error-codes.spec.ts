import { isRetryableAliyunCode } from './aliyun-error-codes';

describe('which SendSms errors are worth another attempt', () => {
  it.each([
    'isv.BUSINESS_LIMIT_CONTROL',
    'isv.DAY_LIMIT_CONTROL',
    'isv.OUT_OF_SERVICE',
    'isp.SYSTEM_ERROR',
    'Throttling.User',
    'ServiceUnavailable',
  ])('retries %s', (code) => expect(isRetryableAliyunCode(code)).toBe(true));

  it.each([
    'isv.MOBILE_NUMBER_ILLEGAL',
    'isv.SMS_TEMPLATE_ILLEGAL',
    'isv.TEMPLATE_MISSING_PARAMETERS',
    'isv.INVALID_PARAMETERS',
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId.NotFound',
  ])('gives up on %s', (code) => expect(isRetryableAliyunCode(code)).toBe(false));
});
