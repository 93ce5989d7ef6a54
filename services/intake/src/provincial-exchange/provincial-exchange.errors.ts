import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum ProvincialExchangeErrorCode {
  PUSH_NOT_REFUSED = 'EXCHANGE.PUSH_NOT_REFUSED',
}

const MESSAGES: Record<ProvincialExchangeErrorCode, string> = {
  [ProvincialExchangeErrorCode.PUSH_NOT_REFUSED]:
    '没有找到本县被省平台退回的这条推送记录：只有被退回的记录可以重新推送，待推送的会自动重试',
};

export class ProvincialExchangeError extends CodedError<ProvincialExchangeErrorCode> {
  constructor(code: ProvincialExchangeErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case ProvincialExchangeErrorCode.PUSH_NOT_REFUSED:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
