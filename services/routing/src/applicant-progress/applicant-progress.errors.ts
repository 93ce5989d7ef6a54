import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum ProgressErrorCode {
  NOT_FOUND = 'PROGRESS.NOT_FOUND',
  NOT_AMONG_MINE = 'PROGRESS.NOT_AMONG_MINE',
  NOT_CONCLUDED = 'PROGRESS.NOT_CONCLUDED',
  ALREADY_RATED = 'PROGRESS.ALREADY_RATED',
  REASON_REQUIRED = 'PROGRESS.REASON_REQUIRED',
  NOT_AWAITING_CORRECTION = 'PROGRESS.NOT_AWAITING_CORRECTION',
  CORRECTION_PAGES_MISSING = 'PROGRESS.CORRECTION_PAGES_MISSING',
  CASE_FILE_UNAVAILABLE = 'PROGRESS.CASE_FILE_UNAVAILABLE',
}

const MESSAGES: Record<ProgressErrorCode, string> = {
  // One answer for an unknown receipt and a wrong code: the lookup must not tell which receipts exist.
  [ProgressErrorCode.NOT_FOUND]: '没有找到该办件：请核对办件编号和查询码',
  // Someone else's case and a case that does not exist read alike.
  [ProgressErrorCode.NOT_AMONG_MINE]: '您的办件中没有这一件：只能查看以本人登录手机号码申请的办件',
  [ProgressErrorCode.NOT_CONCLUDED]: '办件办结后才能评价',
  [ProgressErrorCode.ALREADY_RATED]: '这次服务已经评价过：每次服务评价一次',
  [ProgressErrorCode.REASON_REQUIRED]: '差评请说明原因：选择不满意的方面（选“其他”时请写明），以便整改',
  [ProgressErrorCode.NOT_AWAITING_CORRECTION]: '该办件现在不需要补正材料',
  [ProgressErrorCode.CORRECTION_PAGES_MISSING]: '补正告知书要求的材料还没有全部上传，请逐项上传后再提交补正',
  [ProgressErrorCode.CASE_FILE_UNAVAILABLE]: '暂时无法核对已上传的材料，请稍后再提交',
};

export class ProgressError extends CodedError<ProgressErrorCode> {
  constructor(code: ProgressErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case ProgressErrorCode.NOT_FOUND:
      case ProgressErrorCode.NOT_AMONG_MINE:
        return HttpStatus.NOT_FOUND;
      case ProgressErrorCode.NOT_CONCLUDED:
      case ProgressErrorCode.ALREADY_RATED:
      case ProgressErrorCode.NOT_AWAITING_CORRECTION:
        return HttpStatus.CONFLICT;
      case ProgressErrorCode.REASON_REQUIRED:
      case ProgressErrorCode.CORRECTION_PAGES_MISSING:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case ProgressErrorCode.CASE_FILE_UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}
