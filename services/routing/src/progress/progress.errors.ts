import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/service-kit';

export enum ProgressErrorCode {
  NOT_FOUND = 'PROGRESS.NOT_FOUND',
}

const MESSAGES: Record<ProgressErrorCode, string> = {
  [ProgressErrorCode.NOT_FOUND]:
    '没有查到该办件：请核对办件编号和申请时登记的手机号码；刚提交的申请请稍后再查',
};

export class ProgressError extends CodedError<ProgressErrorCode> {
  constructor(code: ProgressErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case ProgressErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
