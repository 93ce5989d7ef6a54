import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum SupervisionErrorCode {
  PERIOD_INVALID = 'SUPERVISION.PERIOD_INVALID',
}

const MESSAGES: Record<SupervisionErrorCode, string> = {
  [SupervisionErrorCode.PERIOD_INVALID]: '统计期间有误：开始日期不能晚于结束日期，且一次最多统计 366 天',
};

export class SupervisionError extends CodedError<SupervisionErrorCode> {
  constructor(code: SupervisionErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case SupervisionErrorCode.PERIOD_INVALID:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
