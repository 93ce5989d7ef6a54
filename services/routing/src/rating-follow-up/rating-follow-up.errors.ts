import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum RatingFollowUpErrorCode {
  NOT_FOUND = 'RATING.NOT_FOUND',
  NOT_DISSATISFIED = 'RATING.NOT_DISSATISFIED',
  ALREADY_ANSWERED = 'RATING.ALREADY_ANSWERED',
  NOT_ANSWERED_YET = 'RATING.NOT_ANSWERED_YET',
  ALREADY_REVISITED = 'RATING.ALREADY_REVISITED',
  NO_REQUEST = 'RATING.NO_REQUEST',
  NOT_SERVED_BY_YOU = 'RATING.NOT_SERVED_BY_YOU',
}

const MESSAGES: Record<RatingFollowUpErrorCode, string> = {
  [RatingFollowUpErrorCode.NOT_FOUND]: '该办件没有申请人评价',
  [RatingFollowUpErrorCode.NOT_DISSATISFIED]: '只有差评（不满意、非常不满意）需要整改回复',
  [RatingFollowUpErrorCode.ALREADY_ANSWERED]: '该差评已经整改回复过',
  [RatingFollowUpErrorCode.NOT_ANSWERED_YET]: '请先整改并回复，再回访申请人',
  [RatingFollowUpErrorCode.ALREADY_REVISITED]: '该差评已经回访过',
  [RatingFollowUpErrorCode.NO_REQUEST]: '评价器上没有等待评价的服务：请窗口人员先点“请申请人评价”',
  [RatingFollowUpErrorCode.NOT_SERVED_BY_YOU]:
    '只能请申请人评价本人刚办理的受理或送达：该办件的这一环节不是由您办理的，或尚未办理',
};

export class RatingFollowUpError extends CodedError<RatingFollowUpErrorCode> {
  constructor(code: RatingFollowUpErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case RatingFollowUpErrorCode.NOT_FOUND:
      case RatingFollowUpErrorCode.NO_REQUEST:
        return HttpStatus.NOT_FOUND;
      case RatingFollowUpErrorCode.NOT_SERVED_BY_YOU:
        return HttpStatus.FORBIDDEN;
      case RatingFollowUpErrorCode.NOT_ANSWERED_YET:
      case RatingFollowUpErrorCode.ALREADY_REVISITED:
        return HttpStatus.CONFLICT;
      case RatingFollowUpErrorCode.NOT_DISSATISFIED:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case RatingFollowUpErrorCode.ALREADY_ANSWERED:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
