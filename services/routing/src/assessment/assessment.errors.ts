import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum AssessmentErrorCode {
  SCHEME_INVALID = 'ASSESSMENT.SCHEME_INVALID',
  PERIOD_INVALID = 'ASSESSMENT.PERIOD_INVALID',
  SCHEME_CHANGED = 'ASSESSMENT.SCHEME_CHANGED',
  PERIOD_NOT_OVER = 'ASSESSMENT.PERIOD_NOT_OVER',
  BULLETIN_SEAL_NOT_ACTIVE = 'ASSESSMENT.BULLETIN_SEAL_NOT_ACTIVE',
  BULLETIN_SEAL_UNAVAILABLE = 'ASSESSMENT.BULLETIN_SEAL_UNAVAILABLE',
  BULLETIN_NOT_YOURS = 'ASSESSMENT.BULLETIN_NOT_YOURS',
}

const MESSAGES: Record<AssessmentErrorCode, string> = {
  [AssessmentErrorCode.SCHEME_INVALID]: '考核方案有误，请按提示修改',
  [AssessmentErrorCode.PERIOD_INVALID]:
    '考核期间有误：月份如 2026-12，季度如 2026-Q4，年度如 2026，且不能是尚未开始的期间',
  [AssessmentErrorCode.SCHEME_CHANGED]: '考核方案刚被他人修改，请刷新后在最新方案上修改',
  [AssessmentErrorCode.PERIOD_NOT_OVER]: '本期考核尚未结束，期满后才能印发通报',
  [AssessmentErrorCode.BULLETIN_SEAL_NOT_ACTIVE]:
    '县行政审批服务管理局的印章不在启用状态，通报暂不能印发；印章启用后再点“印发通报”',
  [AssessmentErrorCode.BULLETIN_SEAL_UNAVAILABLE]: '用印服务暂时无法连接，通报尚未印发，请稍后再点“印发通报”',
  [AssessmentErrorCode.BULLETIN_NOT_YOURS]: '只有本县行政审批服务管理局管理员可以印发本县的通报',
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
      case AssessmentErrorCode.PERIOD_NOT_OVER:
      case AssessmentErrorCode.BULLETIN_SEAL_NOT_ACTIVE:
        return HttpStatus.CONFLICT;
      case AssessmentErrorCode.BULLETIN_NOT_YOURS:
        return HttpStatus.FORBIDDEN;
      case AssessmentErrorCode.BULLETIN_SEAL_UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}
