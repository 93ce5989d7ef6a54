import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum TaskErrorCode {
  TASK_NOT_FOUND = 'APPROVAL.TASK_NOT_FOUND',
  TASK_ALREADY_DECIDED = 'APPROVAL.TASK_ALREADY_DECIDED',
  TASK_CANCELLED = 'APPROVAL.TASK_CANCELLED',
  TASK_NOT_CURRENT = 'APPROVAL.TASK_NOT_CURRENT',
  TASK_CLAIMED_BY_OTHER = 'APPROVAL.TASK_CLAIMED_BY_OTHER',
  TASK_NOT_CLAIMED_BY_YOU = 'APPROVAL.TASK_NOT_CLAIMED_BY_YOU',
  CASE_SUSPENDED = 'APPROVAL.CASE_SUSPENDED',
  CASE_WITHDRAWN = 'APPROVAL.CASE_WITHDRAWN',
  DECISION_INCOMPLETE = 'APPROVAL.DECISION_INCOMPLETE',
  OUTCOME_NOT_FOR_STEP = 'APPROVAL.OUTCOME_NOT_FOR_STEP',
  DUTIES_NOT_SEPARATED = 'APPROVAL.DUTIES_NOT_SEPARATED',
}

const MESSAGES: Record<TaskErrorCode, string> = {
  [TaskErrorCode.TASK_NOT_FOUND]: '没有这个待办，请刷新待办列表',
  [TaskErrorCode.TASK_ALREADY_DECIDED]: '该待办已经办理过，不能重复办理',
  [TaskErrorCode.TASK_CANCELLED]: '该办件已撤回或已终止，这个待办不再办理',
  [TaskErrorCode.TASK_NOT_CURRENT]: '该待办不是本办件当前环节的待办，请刷新后再办理',
  [TaskErrorCode.TASK_CLAIMED_BY_OTHER]: '该待办已由他人签收办理，请刷新待办列表',
  [TaskErrorCode.TASK_NOT_CLAIMED_BY_YOU]: '该待办不是由您签收的，不能退回待办池',
  [TaskErrorCode.CASE_SUSPENDED]: '办件处于特别程序中，程序结束后方可办理',
  [TaskErrorCode.CASE_WITHDRAWN]: '申请人已撤回申请，该待办不再办理',
  [TaskErrorCode.DECISION_INCOMPLETE]: '办理意见不完整，请按提示补充后再提交',
  [TaskErrorCode.OUTCOME_NOT_FOR_STEP]: '本环节不能作出这项办理结果，请从本环节可选的结果中选择',
  [TaskErrorCode.DUTIES_NOT_SEPARATED]:
    '您已办理本办件的审核环节，按审批分离的要求不能再作决定，请由其他人员办理',
};

export class TaskError extends CodedError<TaskErrorCode> {
  /** The workflow's own explanation, when it has a more precise one than the code's standard message. */
  constructor(code: TaskErrorCode, message?: string, details?: Record<string, unknown>) {
    super(code, message ?? MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case TaskErrorCode.TASK_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case TaskErrorCode.TASK_ALREADY_DECIDED:
      case TaskErrorCode.TASK_CANCELLED:
      case TaskErrorCode.TASK_NOT_CURRENT:
      case TaskErrorCode.TASK_CLAIMED_BY_OTHER:
      case TaskErrorCode.TASK_NOT_CLAIMED_BY_YOU:
      case TaskErrorCode.CASE_SUSPENDED:
      case TaskErrorCode.CASE_WITHDRAWN:
        return HttpStatus.CONFLICT;
      case TaskErrorCode.DECISION_INCOMPLETE:
      case TaskErrorCode.OUTCOME_NOT_FOR_STEP:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case TaskErrorCode.DUTIES_NOT_SEPARATED:
        return HttpStatus.FORBIDDEN;
      default:
        return assertUnreachable(this.code);
    }
  }
}
