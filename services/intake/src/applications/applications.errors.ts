import { HttpStatus } from '@nestjs/common';

export enum IntakeErrorCode {
  IDEMPOTENCY_KEY_REUSED = 'INTAKE.IDEMPOTENCY_KEY_REUSED',
  APPLICATION_NOT_FOUND = 'INTAKE.APPLICATION_NOT_FOUND',
}

const MESSAGES: Record<IntakeErrorCode, string> = {
  [IntakeErrorCode.IDEMPOTENCY_KEY_REUSED]: '该提交编号已用于另一份不同内容的申请，请勿重复使用',
  [IntakeErrorCode.APPLICATION_NOT_FOUND]: '未找到该申请',
};

export class IntakeError extends Error {
  constructor(readonly code: IntakeErrorCode) {
    super(MESSAGES[code]);
    this.name = 'IntakeError';
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unmapped intake error code: ${String(value)}`);
}

export function httpStatusOf(code: IntakeErrorCode): HttpStatus {
  switch (code) {
    case IntakeErrorCode.IDEMPOTENCY_KEY_REUSED:
      return HttpStatus.CONFLICT;
    case IntakeErrorCode.APPLICATION_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    default:
      return assertUnreachable(code);
  }
}
