import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/service-kit';

export enum IntakeErrorCode {
  IDEMPOTENCY_KEY_REUSED = 'INTAKE.IDEMPOTENCY_KEY_REUSED',
}

const MESSAGES: Record<IntakeErrorCode, string> = {
  [IntakeErrorCode.IDEMPOTENCY_KEY_REUSED]: '该提交编号已用于另一份不同内容的申请，请勿重复使用',
};

export class IntakeError extends CodedError<IntakeErrorCode> {
  constructor(code: IntakeErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case IntakeErrorCode.IDEMPOTENCY_KEY_REUSED:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
