import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum BureauErrorCode {
  NOT_FOUND = 'BUREAU.NOT_FOUND',
  CODE_TAKEN = 'BUREAU.CODE_TAKEN',
  NAME_TAKEN = 'BUREAU.NAME_TAKEN',
  COUNTY_NOT_FOUND = 'BUREAU.COUNTY_NOT_FOUND',
}

const MESSAGES: Record<BureauErrorCode, string> = {
  [BureauErrorCode.NOT_FOUND]: '本县没有这个县直部门',
  [BureauErrorCode.CODE_TAKEN]: '本县已有使用这个部门代码的县直部门，请换一个代码',
  [BureauErrorCode.NAME_TAKEN]: '本县已有同名的县直部门',
  [BureauErrorCode.COUNTY_NOT_FOUND]: '没有这个县',
};

export class BureauError extends CodedError<BureauErrorCode> {
  constructor(code: BureauErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case BureauErrorCode.NOT_FOUND:
      case BureauErrorCode.COUNTY_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case BureauErrorCode.CODE_TAKEN:
      case BureauErrorCode.NAME_TAKEN:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
