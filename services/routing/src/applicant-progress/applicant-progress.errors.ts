import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum ProgressErrorCode {
  NOT_FOUND = 'PROGRESS.NOT_FOUND',
  NOT_AMONG_MINE = 'PROGRESS.NOT_AMONG_MINE',
  NOT_CONCLUDED = 'PROGRESS.NOT_CONCLUDED',
  ALREADY_RATED = 'PROGRESS.ALREADY_RATED',
  REASON_REQUIRED = 'PROGRESS.REASON_REQUIRED',
}

const MESSAGES: Record<ProgressErrorCode, string> = {
  // One answer for an unknown receipt and a wrong code: the lookup must not tell which receipts exist.
  [ProgressErrorCode.NOT_FOUND]: '没有找到该办件：请核对办件编号和查询码',
  // Someone else's case and a case that does not exist read alike.
  [ProgressErrorCode.NOT_AMONG_MINE]: '您的办件中没有这一件：只能查看以本人登录手机号码申请的办件',
  [ProgressErrorCode.NOT_CONCLUDED]: '办件办结后才能评价',
  [ProgressErrorCode.ALREADY_RATED]: '该办件已经评价过，每件只能评价一次',
  [ProgressErrorCode.REASON_REQUIRED]: '差评请说明原因，以便整改',
};

export class ProgressError extends CodedError<ProgressErrorCode> {
  constructor(code: ProgressErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case ProgressErrorCode.NOT_FOUND:
      case ProgressErrorCode.NOT_AMONG_MINE:
        return HttpStatus.NOT_FOUND;
      case ProgressErrorCode.NOT_CONCLUDED:
      case ProgressErrorCode.ALREADY_RATED:
        return HttpStatus.CONFLICT;
      case ProgressErrorCode.REASON_REQUIRED:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
