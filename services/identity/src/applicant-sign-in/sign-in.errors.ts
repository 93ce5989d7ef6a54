import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum SignInErrorCode {
  TOO_SOON = 'SIGN_IN.TOO_SOON',
  TOO_MANY_CODES = 'SIGN_IN.TOO_MANY_CODES',
  SMS_NOT_SENT = 'SIGN_IN.SMS_NOT_SENT',
  CODE_EXPIRED = 'SIGN_IN.CODE_EXPIRED',
  CODE_WRONG = 'SIGN_IN.CODE_WRONG',
  CODE_USED_UP = 'SIGN_IN.CODE_USED_UP',
}

const MESSAGES: Record<SignInErrorCode, string> = {
  [SignInErrorCode.TOO_SOON]: '验证码已发送，请稍后再重新获取',
  [SignInErrorCode.TOO_MANY_CODES]: '获取验证码次数过多，请稍后再试',
  [SignInErrorCode.SMS_NOT_SENT]: '验证码短信发送失败，请稍后再试',
  [SignInErrorCode.CODE_EXPIRED]: '验证码已失效，请重新获取',
  [SignInErrorCode.CODE_WRONG]: '验证码不正确，请核对短信中的 6 位数字',
  [SignInErrorCode.CODE_USED_UP]: '验证码输错次数过多，请重新获取',
};

export class SignInError extends CodedError<SignInErrorCode> {
  constructor(code: SignInErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  static waitUntil(
    code: SignInErrorCode.TOO_SOON | SignInErrorCode.TOO_MANY_CODES,
    until: Date,
  ): SignInError {
    const error = new SignInError(code, { retryAfter: until.toISOString() });
    error.retryAfterSeconds = Math.max(1, (until.getTime() - Date.now()) / 1000);
    return error;
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case SignInErrorCode.TOO_SOON:
      case SignInErrorCode.TOO_MANY_CODES:
        return HttpStatus.TOO_MANY_REQUESTS;
      case SignInErrorCode.SMS_NOT_SENT:
        return HttpStatus.SERVICE_UNAVAILABLE;
      case SignInErrorCode.CODE_EXPIRED:
      case SignInErrorCode.CODE_WRONG:
      case SignInErrorCode.CODE_USED_UP:
        return HttpStatus.UNAUTHORIZED;
      default:
        return assertUnreachable(this.code);
    }
  }
}
