import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum AccountabilityErrorCode {
  TOWN_NOT_FOUND = 'ACCOUNTABILITY.TOWN_NOT_FOUND',
  CASES_NOT_FOUND = 'ACCOUNTABILITY.CASES_NOT_FOUND',
}

const MESSAGES: Record<AccountabilityErrorCode, string> = {
  [AccountabilityErrorCode.TOWN_NOT_FOUND]: '本县没有这个乡镇',
  [AccountabilityErrorCode.CASES_NOT_FOUND]: '有办件编号在该乡镇找不到，请核对',
};

export class AccountabilityError extends CodedError<AccountabilityErrorCode> {
  constructor(code: AccountabilityErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case AccountabilityErrorCode.TOWN_NOT_FOUND:
      case AccountabilityErrorCode.CASES_NOT_FOUND:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
