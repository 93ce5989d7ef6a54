import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum RatingFollowUpErrorCode {
  NOT_FOUND = 'RATING.NOT_FOUND',
  NOT_DISSATISFIED = 'RATING.NOT_DISSATISFIED',
  ALREADY_ANSWERED = 'RATING.ALREADY_ANSWERED',
}

const MESSAGES: Record<RatingFollowUpErrorCode, string> = {
  [RatingFollowUpErrorCode.NOT_FOUND]: '该办件没有申请人评价',
  [RatingFollowUpErrorCode.NOT_DISSATISFIED]: '只有差评（不满意、非常不满意）需要整改回复',
  [RatingFollowUpErrorCode.ALREADY_ANSWERED]: '该差评已经整改回复过',
};

export class RatingFollowUpError extends CodedError<RatingFollowUpErrorCode> {
  constructor(code: RatingFollowUpErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case RatingFollowUpErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case RatingFollowUpErrorCode.NOT_DISSATISFIED:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case RatingFollowUpErrorCode.ALREADY_ANSWERED:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
