import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/service-kit';

export enum IntakeErrorCode {
  IDEMPOTENCY_KEY_REUSED = 'INTAKE.IDEMPOTENCY_KEY_REUSED',
  MATERIALS_INCOMPLETE = 'INTAKE.MATERIALS_INCOMPLETE',
  DELIVERY_NOT_OFFERED = 'INTAKE.DELIVERY_NOT_OFFERED',
}

const MESSAGES: Record<IntakeErrorCode, string> = {
  [IntakeErrorCode.IDEMPOTENCY_KEY_REUSED]: '该提交编号已用于另一份不同内容的申请，请勿重复使用',
  [IntakeErrorCode.MATERIALS_INCOMPLETE]: '申请材料不齐全，请按补正清单一次性补齐后再提交',
  [IntakeErrorCode.DELIVERY_NOT_OFFERED]: '该事项不支持邮寄送达，请选择窗口领取或电子送达',
};

export class IntakeError extends CodedError<IntakeErrorCode> {
  constructor(code: IntakeErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case IntakeErrorCode.IDEMPOTENCY_KEY_REUSED:
        return HttpStatus.CONFLICT;
      case IntakeErrorCode.MATERIALS_INCOMPLETE:
      case IntakeErrorCode.DELIVERY_NOT_OFFERED:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
