import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum AssessmentErrorCode {
  SCHEME_INVALID = 'ASSESSMENT.SCHEME_INVALID',
  PERIOD_INVALID = 'ASSESSMENT.PERIOD_INVALID',
  SCHEME_CHANGED = 'ASSESSMENT.SCHEME_CHANGED',
}

const MESSAGES: Record<AssessmentErrorCode, string> = {
  [AssessmentErrorCode.SCHEME_INVALID]: '考核方案有误，请按提示修改',
  [AssessmentErrorCode.PERIOD_INVALID]:
    '考核期间有误：月份如 2026-12，季度如 2026-Q4，年度如 2026，且不能是尚未开始的期间',
  [AssessmentErrorCode.SCHEME_CHANGED]: '考核方案刚被他人修改，请刷新后在最新方案上修改',
};

export class AssessmentError extends CodedError<AssessmentErrorCode> {
  constructor(code: AssessmentErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case AssessmentErrorCode.SCHEME_INVALID:
      case AssessmentErrorCode.PERIOD_INVALID:
        return HttpStatus.BAD_REQUEST;
      case AssessmentErrorCode.SCHEME_CHANGED:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
