import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum IntakeErrorCode {
  IDEMPOTENCY_KEY_REUSED = 'INTAKE.IDEMPOTENCY_KEY_REUSED',
  MATERIALS_INCOMPLETE = 'INTAKE.MATERIALS_INCOMPLETE',
  DELIVERY_NOT_OFFERED = 'INTAKE.DELIVERY_NOT_OFFERED',
  CHANNEL_NOT_YOURS = 'INTAKE.CHANNEL_NOT_YOURS',
  VILLAGE_NOT_YOURS = 'INTAKE.VILLAGE_NOT_YOURS',
  FORM_INVALID = 'INTAKE.FORM_INVALID',
  AUTHORISATION_REQUIRED = 'INTAKE.AUTHORISATION_REQUIRED',
  AUTHORISATION_INVALID = 'INTAKE.AUTHORISATION_INVALID',
}

const MESSAGES: Record<IntakeErrorCode, string> = {
  [IntakeErrorCode.IDEMPOTENCY_KEY_REUSED]: '该提交编号已用于另一份不同内容的申请，请勿重复使用',
  [IntakeErrorCode.MATERIALS_INCOMPLETE]: '申请材料不齐全，请按补正清单一次性补齐后再提交',
  [IntakeErrorCode.DELIVERY_NOT_OFFERED]: '该事项不支持邮寄送达，请选择窗口领取或电子送达',
  [IntakeErrorCode.CHANNEL_NOT_YOURS]:
    '您的岗位不能通过该渠道提交申请：帮办代办员使用“帮办代办”渠道，受理窗口使用窗口、自助终端或网上申请渠道',
  [IntakeErrorCode.VILLAGE_NOT_YOURS]: '帮办代办员只能为本村（社区）的申请人提交申请',
  [IntakeErrorCode.FORM_INVALID]: '申请表填写不完整或有误，请按提示逐项修改后重新提交',
  [IntakeErrorCode.AUTHORISATION_REQUIRED]:
    '帮办代办须有申请人签署的授权委托书，请填写委托书签署日期和委托事项',
  [IntakeErrorCode.AUTHORISATION_INVALID]: '授权委托书的签署日期不能晚于今天',
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
      case IntakeErrorCode.FORM_INVALID:
      case IntakeErrorCode.AUTHORISATION_REQUIRED:
      case IntakeErrorCode.AUTHORISATION_INVALID:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case IntakeErrorCode.CHANNEL_NOT_YOURS:
      case IntakeErrorCode.VILLAGE_NOT_YOURS:
        return HttpStatus.FORBIDDEN;
      default:
        return assertUnreachable(this.code);
    }
  }
}
