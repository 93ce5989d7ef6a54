import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum TaskSupervisionErrorCode {
  PERIOD_INVALID = 'SUPERVISION.PERIOD_INVALID',
}

const MESSAGES: Record<TaskSupervisionErrorCode, string> = {
  [TaskSupervisionErrorCode.PERIOD_INVALID]: '统计期间有误：开始日期不能晚于结束日期，且一次最多统计 366 天',
};

export class TaskSupervisionError extends CodedError<TaskSupervisionErrorCode> {
  constructor(code: TaskSupervisionErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case TaskSupervisionErrorCode.PERIOD_INVALID:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertUnreachable(this.code);
    }
  }
}
