import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum CaseErrorCode {
  NOT_FOUND = 'CASE.NOT_FOUND',
  NO_CORRECTION_PENDING = 'CASE.NO_CORRECTION_PENDING',
  ALREADY_DECIDED = 'CASE.ALREADY_DECIDED',
  NOT_SUSPENDABLE = 'CASE.NOT_SUSPENDABLE',
  NOT_SUSPENDED = 'CASE.NOT_SUSPENDED',
  NOT_EXTENDABLE = 'CASE.NOT_EXTENDABLE',
  EXTENSION_INVALID = 'CASE.EXTENSION_INVALID',
  NOTHING_TO_RETRY = 'CASE.NOTHING_TO_RETRY',
  HISTORY_EXPIRED = 'CASE.HISTORY_EXPIRED',
  UNAVAILABLE = 'CASE.UNAVAILABLE',
  DATES_REVERSED = 'CASE.DATES_REVERSED',
}

const MESSAGES: Record<CaseErrorCode, string> = {
  [CaseErrorCode.NOT_FOUND]: '没有这个办件，或办件刚提交、尚在分派中；请核对后稍后再试',
  [CaseErrorCode.NO_CORRECTION_PENDING]: '该办件当前没有待补正的材料',
  [CaseErrorCode.ALREADY_DECIDED]: '该办件已作出决定或已办结，不能再撤回或办理',
  [CaseErrorCode.NOT_SUSPENDABLE]: '该办件当前不能启动特别程序',
  [CaseErrorCode.NOT_SUSPENDED]: '该办件不在特别程序中',
  [CaseErrorCode.NOT_EXTENDABLE]: '该办件当前不能延长办理时限',
  [CaseErrorCode.EXTENSION_INVALID]: '延长的工作日数应为正整数',
  [CaseErrorCode.NOTHING_TO_RETRY]: '该办件没有因数据问题而暂停的环节，无需重新执行',
  [CaseErrorCode.HISTORY_EXPIRED]: '该办件早已办结，办理流程记录已超过保存期限，办理经过请查阅审计记录',
  [CaseErrorCode.UNAVAILABLE]: '办件流程暂时无法访问，请稍后再试',
  [CaseErrorCode.DATES_REVERSED]: '提交日期有误：起始日期不能晚于截止日期',
};

/** What a case command was refused for; the case workflow's own explanation is kept when it has one. */
export class CaseError extends CodedError<CaseErrorCode> {
  constructor(code: CaseErrorCode, message?: string) {
    super(code, message ?? MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CaseErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case CaseErrorCode.NO_CORRECTION_PENDING:
      case CaseErrorCode.ALREADY_DECIDED:
      case CaseErrorCode.NOT_SUSPENDABLE:
      case CaseErrorCode.NOT_SUSPENDED:
      case CaseErrorCode.NOT_EXTENDABLE:
      case CaseErrorCode.NOTHING_TO_RETRY:
        return HttpStatus.CONFLICT;
      case CaseErrorCode.EXTENSION_INVALID:
      case CaseErrorCode.DATES_REVERSED:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case CaseErrorCode.HISTORY_EXPIRED:
        return HttpStatus.GONE;
      case CaseErrorCode.UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}
