import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum StaffErrorCode {
  NOT_FOUND = 'STAFF.NOT_FOUND',
  LOGIN_TAKEN = 'STAFF.LOGIN_TAKEN',
  SCOPE_INVALID = 'STAFF.SCOPE_INVALID',
  NOT_YOURSELF = 'STAFF.NOT_YOURSELF',
  ROLES_INCOMPATIBLE = 'STAFF.ROLES_INCOMPATIBLE',
}

const MESSAGES: Record<StaffErrorCode, string> = {
  [StaffErrorCode.NOT_FOUND]: '本县没有这个账号',
  [StaffErrorCode.LOGIN_TAKEN]: '登录名已被使用，请换一个',
  [StaffErrorCode.SCOPE_INVALID]:
    '岗位与工作范围不符：镇岗位需填乡镇，代办员需填村（社区），县直部门审批人员需填部门，且都须在本县',
  [StaffErrorCode.NOT_YOURSELF]: '不能停用自己的账号或改动自己的岗位，请由另一位管理员操作',
  [StaffErrorCode.ROLES_INCOMPATIBLE]: '这两个岗位须由不同人员担任（审批分离），不能由同一账号兼任',
};

export class StaffError extends CodedError<StaffErrorCode> {
  /** `message` when the code's standard one can be more precise (which roles clash). */
  constructor(code: StaffErrorCode, details?: Record<string, unknown>, message?: string) {
    super(code, message ?? MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case StaffErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case StaffErrorCode.LOGIN_TAKEN:
        return HttpStatus.CONFLICT;
      case StaffErrorCode.SCOPE_INVALID:
      case StaffErrorCode.NOT_YOURSELF:
      case StaffErrorCode.ROLES_INCOMPATIBLE:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
