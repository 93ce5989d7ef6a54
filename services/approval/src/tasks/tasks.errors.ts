import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/service-kit';

export enum TaskErrorCode {
  TASK_NOT_FOUND = 'APPROVAL.TASK_NOT_FOUND',
  TASK_ALREADY_DECIDED = 'APPROVAL.TASK_ALREADY_DECIDED',
  TASK_NOT_CURRENT = 'APPROVAL.TASK_NOT_CURRENT',
  TASK_CLAIMED_BY_OTHER = 'APPROVAL.TASK_CLAIMED_BY_OTHER',
  TASK_NOT_CLAIMED_BY_YOU = 'APPROVAL.TASK_NOT_CLAIMED_BY_YOU',
  CASE_NOT_FOUND = 'APPROVAL.CASE_NOT_FOUND',
  NO_CORRECTION_PENDING = 'APPROVAL.NO_CORRECTION_PENDING',
  CASE_ALREADY_DECIDED = 'APPROVAL.CASE_ALREADY_DECIDED',
  CASE_NOT_SUSPENDABLE = 'APPROVAL.CASE_NOT_SUSPENDABLE',
  CASE_NOT_SUSPENDED = 'APPROVAL.CASE_NOT_SUSPENDED',
  CASE_NOT_EXTENDABLE = 'APPROVAL.CASE_NOT_EXTENDABLE',
  REQUEST_INVALID = 'APPROVAL.REQUEST_INVALID',
}

const MESSAGES: Record<TaskErrorCode, string> = {
  [TaskErrorCode.TASK_NOT_FOUND]: '没有这个待办，请刷新待办列表',
  [TaskErrorCode.TASK_ALREADY_DECIDED]: '该待办已经办理过，不能重复办理',
  [TaskErrorCode.TASK_NOT_CURRENT]: '该待办不是本办件当前环节的待办，请刷新后再办理',
  [TaskErrorCode.TASK_CLAIMED_BY_OTHER]: '该待办已由他人签收办理，请刷新待办列表',
  [TaskErrorCode.TASK_NOT_CLAIMED_BY_YOU]: '该待办不是由您签收的，不能退回待办池',
  [TaskErrorCode.CASE_NOT_FOUND]: '没有这个办件，或办件刚提交、尚在分派中；请核对办件 ID，稍后再试',
  [TaskErrorCode.NO_CORRECTION_PENDING]: '该办件当前没有待补正的材料',
  [TaskErrorCode.CASE_ALREADY_DECIDED]: '该办件已作出决定或已办结，不能再撤回或办理',
  [TaskErrorCode.CASE_NOT_SUSPENDABLE]: '该办件当前不能启动特别程序或在特别程序中办理',
  [TaskErrorCode.CASE_NOT_SUSPENDED]: '该办件不在特别程序中',
  [TaskErrorCode.CASE_NOT_EXTENDABLE]: '该办件当前不能延长办理时限',
  [TaskErrorCode.REQUEST_INVALID]: '提交的内容不符合办理要求',
};

export class TaskError extends CodedError<TaskErrorCode> {
  /** The workflow's own explanation, when it has a more precise one than the code's standard message. */
  constructor(code: TaskErrorCode, message?: string, details?: Record<string, unknown>) {
    super(code, message ?? MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case TaskErrorCode.TASK_NOT_FOUND:
      case TaskErrorCode.CASE_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case TaskErrorCode.TASK_ALREADY_DECIDED:
      case TaskErrorCode.TASK_NOT_CURRENT:
      case TaskErrorCode.TASK_CLAIMED_BY_OTHER:
      case TaskErrorCode.TASK_NOT_CLAIMED_BY_YOU:
      case TaskErrorCode.NO_CORRECTION_PENDING:
      case TaskErrorCode.CASE_ALREADY_DECIDED:
      case TaskErrorCode.CASE_NOT_SUSPENDABLE:
      case TaskErrorCode.CASE_NOT_SUSPENDED:
      case TaskErrorCode.CASE_NOT_EXTENDABLE:
        return HttpStatus.CONFLICT;
      case TaskErrorCode.REQUEST_INVALID:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
