import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum DelegationErrorCode {
  NOT_YOUR_MATTER = 'DELEGATION.NOT_YOUR_MATTER',
  NOT_DELEGABLE = 'DELEGATION.NOT_DELEGABLE',
  ALREADY_GRANTED = 'DELEGATION.ALREADY_GRANTED',
  NOT_GRANTED = 'DELEGATION.NOT_GRANTED',
}

const MESSAGES: Record<DelegationErrorCode, string> = {
  [DelegationErrorCode.NOT_YOUR_MATTER]: '只有该事项的主管部门或县行政审批服务管理局可以赋权或收回',
  [DelegationErrorCode.NOT_DELEGABLE]: '该事项已由乡镇（或村）办结，无需赋权',
  [DelegationErrorCode.ALREADY_GRANTED]: '该乡镇已获得此事项的直接赋权',
  [DelegationErrorCode.NOT_GRANTED]: '该乡镇没有此事项的直接赋权，无需收回',
};

export class DelegationError extends CodedError<DelegationErrorCode> {
  constructor(code: DelegationErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case DelegationErrorCode.NOT_YOUR_MATTER:
        return HttpStatus.FORBIDDEN;
      case DelegationErrorCode.NOT_DELEGABLE:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case DelegationErrorCode.ALREADY_GRANTED:
      case DelegationErrorCode.NOT_GRANTED:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
