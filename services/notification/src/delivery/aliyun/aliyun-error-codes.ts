/**
 * Which SendSms error codes may pass on a later attempt. `isv.*` codes are the caller's fault (a wrong number,
 * template or account setting) and repeat until someone changes something; `isp.*` and the gateway's own codes
 * are the platform's, and pass. The limit controls are the caller's but pass with time.
 */
const RETRYABLE_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL', // per-number minute / hour / day frequency limit
  'isv.DAY_LIMIT_CONTROL', // the account's daily volume limit
  'isv.MONTH_LIMIT_CONTROL',
  'isv.OUT_OF_SERVICE', // balance exhausted: passes once the account is topped up
  'SignatureNonceUsed', // our nonce collided with an earlier one: a new attempt draws a new one
  'ServiceUnavailable',
  'InternalError',
]);

const RETRYABLE_PREFIXES = ['isp.', 'Throttling'];

export function isRetryableAliyunCode(code: string): boolean {
  return RETRYABLE_CODES.has(code) || RETRYABLE_PREFIXES.some((prefix) => code.startsWith(prefix));
}
