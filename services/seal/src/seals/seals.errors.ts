import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum SealErrorCode {
  NOT_FOUND = 'SEAL.NOT_FOUND',
  UNKNOWN_TOWN = 'SEAL.UNKNOWN_TOWN',
  TRANSITION_NOT_ALLOWED = 'SEAL.TRANSITION_NOT_ALLOWED',
  ALREADY_ACTIVE = 'SEAL.ALREADY_ACTIVE',
  NO_ACTIVE_SEAL = 'SEAL.NO_ACTIVE_SEAL',
  LEGACY_SEAL_REFUSED = 'SEAL.LEGACY_SEAL_REFUSED',
  NOT_ACTIVE = 'SEAL.NOT_ACTIVE',
  WRONG_TOWN = 'SEAL.WRONG_TOWN',
  DOCUMENT_NOT_FOUND = 'SEAL.DOCUMENT_NOT_FOUND',
  NOTHING_TO_VERIFY = 'SEAL.NOTHING_TO_VERIFY',
}

const MESSAGES: Record<SealErrorCode, string> = {
  [SealErrorCode.NOT_FOUND]: '没有这枚印章，请核对印章 ID',
  [SealErrorCode.UNKNOWN_TOWN]: '不认识这个乡镇，请核对县、乡镇代码',
  [SealErrorCode.TRANSITION_NOT_ALLOWED]: '该印章当前的状态不允许这项操作',
  [SealErrorCode.ALREADY_ACTIVE]: '该乡镇已有启用的行政审批服务专用章，须先停用或封存原章，才能启用新章',
  [SealErrorCode.NO_ACTIVE_SEAL]: '该乡镇没有启用的行政审批服务专用章，暂不能用印',
  [SealErrorCode.LEGACY_SEAL_REFUSED]: '该印章是已封存的旧印章，不能用于便民服务中心出具的任何文书',
  [SealErrorCode.NOT_ACTIVE]: '该印章不在启用状态，不能用印',
  [SealErrorCode.WRONG_TOWN]: '该印章不是本乡镇的行政审批服务专用章，不能用于本乡镇的文书',
  [SealErrorCode.DOCUMENT_NOT_FOUND]: '没有这份文书，请核对文书 ID',
  [SealErrorCode.NOTHING_TO_VERIFY]: '请上传要核验的 PDF 文件，或填写文书上的验证码',
};

export class SealError extends CodedError<SealErrorCode> {
  constructor(code: SealErrorCode, message?: string, details?: Record<string, unknown>) {
    super(code, message ?? MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case SealErrorCode.NOT_FOUND:
      case SealErrorCode.DOCUMENT_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case SealErrorCode.TRANSITION_NOT_ALLOWED:
      case SealErrorCode.ALREADY_ACTIVE:
      case SealErrorCode.NO_ACTIVE_SEAL:
      case SealErrorCode.LEGACY_SEAL_REFUSED:
      case SealErrorCode.NOT_ACTIVE:
      case SealErrorCode.WRONG_TOWN:
        return HttpStatus.CONFLICT;
      case SealErrorCode.UNKNOWN_TOWN:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case SealErrorCode.NOTHING_TO_VERIFY:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertUnreachable(this.code);
    }
  }
}

export function sealErrorMessage(code: SealErrorCode): string {
  return MESSAGES[code];
}
