import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum DeadLetterErrorCode {
  NOT_FOUND = 'DEAD_LETTER.NOT_FOUND',
}

const MESSAGES: Record<DeadLetterErrorCode, string> = {
  [DeadLetterErrorCode.NOT_FOUND]: '没有这条死信消息',
};

export class DeadLetterError extends CodedError<DeadLetterErrorCode> {
  constructor(code: DeadLetterErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case DeadLetterErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
