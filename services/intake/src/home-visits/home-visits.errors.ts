import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum HomeVisitErrorCode {
  VILLAGE_UNKNOWN = 'HOME_VISIT.VILLAGE_UNKNOWN',
  MATTER_UNKNOWN = 'HOME_VISIT.MATTER_UNKNOWN',
  NOT_FOUND = 'HOME_VISIT.NOT_FOUND',
  NOT_OPEN = 'HOME_VISIT.NOT_OPEN',
  DAY_PASSED = 'HOME_VISIT.DAY_PASSED',
  TOO_MANY_OPEN = 'HOME_VISIT.TOO_MANY_OPEN',
}

/** Requests one number may have open at once: a household's needs, never a flood. */
export const OPEN_VISITS_PER_NUMBER = 3;

const MESSAGES: Record<HomeVisitErrorCode, string> = {
  [HomeVisitErrorCode.VILLAGE_UNKNOWN]: '请选择您所在的村（社区）',
  [HomeVisitErrorCode.MATTER_UNKNOWN]: '本县事项目录中没有这个事项，或该事项已停止办理',
  [HomeVisitErrorCode.NOT_FOUND]: '没有找到这个上门服务申请',
  [HomeVisitErrorCode.NOT_OPEN]: '该申请已办结或已取消',
  [HomeVisitErrorCode.DAY_PASSED]: '上门日期不能早于今天',
  [HomeVisitErrorCode.TOO_MANY_OPEN]: `同一手机号码最多同时有 ${OPEN_VISITS_PER_NUMBER} 个未办结的上门服务申请`,
};

export class HomeVisitError extends CodedError<HomeVisitErrorCode> {
  constructor(code: HomeVisitErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case HomeVisitErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case HomeVisitErrorCode.VILLAGE_UNKNOWN:
      case HomeVisitErrorCode.MATTER_UNKNOWN:
      case HomeVisitErrorCode.DAY_PASSED:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case HomeVisitErrorCode.NOT_OPEN:
        return HttpStatus.CONFLICT;
      case HomeVisitErrorCode.TOO_MANY_OPEN:
        return HttpStatus.TOO_MANY_REQUESTS;
      default:
        return assertUnreachable(this.code);
    }
  }
}
