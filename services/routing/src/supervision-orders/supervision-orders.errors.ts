import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum SupervisionOrderErrorCode {
  CASE_NOT_FOUND = 'SUPERVISION_ORDER.CASE_NOT_FOUND',
  CASE_NOT_WAITING = 'SUPERVISION_ORDER.CASE_NOT_WAITING',
  ANSWER_BY_INVALID = 'SUPERVISION_ORDER.ANSWER_BY_INVALID',
  ORDER_NOT_FOUND = 'SUPERVISION_ORDER.ORDER_NOT_FOUND',
  NOT_YOURS_TO_ANSWER = 'SUPERVISION_ORDER.NOT_YOURS_TO_ANSWER',
  ALREADY_ANSWERED = 'SUPERVISION_ORDER.ALREADY_ANSWERED',
}

const MESSAGES: Record<SupervisionOrderErrorCode, string> = {
  [SupervisionOrderErrorCode.CASE_NOT_FOUND]: '本县没有这个办件',
  [SupervisionOrderErrorCode.CASE_NOT_WAITING]: '该办件已办结或当前没有待办环节，无需督办',
  [SupervisionOrderErrorCode.ANSWER_BY_INVALID]: '答复期限应在今天到 60 天之内',
  [SupervisionOrderErrorCode.ORDER_NOT_FOUND]: '没有找到这条督办',
  [SupervisionOrderErrorCode.NOT_YOURS_TO_ANSWER]:
    '这条督办不由您答复：乡镇和村的办件由本镇分管领导答复，县直部门的办件由该部门答复',
  [SupervisionOrderErrorCode.ALREADY_ANSWERED]: '这条督办已经答复过',
};

export class SupervisionOrderError extends CodedError<SupervisionOrderErrorCode> {
  constructor(code: SupervisionOrderErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case SupervisionOrderErrorCode.CASE_NOT_FOUND:
      case SupervisionOrderErrorCode.ORDER_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case SupervisionOrderErrorCode.CASE_NOT_WAITING:
      case SupervisionOrderErrorCode.ALREADY_ANSWERED:
        return HttpStatus.CONFLICT;
      case SupervisionOrderErrorCode.ANSWER_BY_INVALID:
        return HttpStatus.BAD_REQUEST;
      case SupervisionOrderErrorCode.NOT_YOURS_TO_ANSWER:
        return HttpStatus.FORBIDDEN;
      default:
        return assertUnreachable(this.code);
    }
  }
}
