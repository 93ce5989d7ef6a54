import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum SignInSmsErrorCode {
  NOT_SENT = 'SIGN_IN_SMS.NOT_SENT',
}

const MESSAGES: Record<SignInSmsErrorCode, string> = {
  [SignInSmsErrorCode.NOT_SENT]: '验证码短信发送失败，请稍后再试',
};

export class SignInSmsError extends CodedError<SignInSmsErrorCode> {
  constructor(code: SignInSmsErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case SignInSmsErrorCode.NOT_SENT:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}
