import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/service-kit';

export enum TaskErrorCode {
  TASK_NOT_FOUND = 'APPROVAL.TASK_NOT_FOUND',
  TASK_ALREADY_DECIDED = 'APPROVAL.TASK_ALREADY_DECIDED',
  TASK_NOT_CURRENT = 'APPROVAL.TASK_NOT_CURRENT',
}

const MESSAGES: Record<TaskErrorCode, string> = {
  [TaskErrorCode.TASK_NOT_FOUND]: '没有这个待办，请刷新待办列表',
  [TaskErrorCode.TASK_ALREADY_DECIDED]: '该待办已经办理过，不能重复办理',
  [TaskErrorCode.TASK_NOT_CURRENT]: '该待办不是本办件当前环节的待办，请刷新后再办理',
};

export class TaskError extends CodedError<TaskErrorCode> {
  constructor(code: TaskErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case TaskErrorCode.TASK_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case TaskErrorCode.TASK_ALREADY_DECIDED:
      case TaskErrorCode.TASK_NOT_CURRENT:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
