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
  DOCUMENT_FILE_UNAVAILABLE = 'SEAL.DOCUMENT_FILE_UNAVAILABLE',
  NOTHING_TO_VERIFY = 'SEAL.NOTHING_TO_VERIFY',
  UNKNOWN_ORGAN = 'SEAL.UNKNOWN_ORGAN',
  NUMBER_PATTERN_INVALID = 'SEAL.NUMBER_PATTERN_INVALID',
  NO_ACTIVE_BUREAU_SEAL = 'SEAL.NO_ACTIVE_BUREAU_SEAL',
  NOTICE_TABLE_INVALID = 'SEAL.NOTICE_TABLE_INVALID',
  NOTICE_KEY_TAKEN = 'SEAL.NOTICE_KEY_TAKEN',
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
  [SealErrorCode.DOCUMENT_FILE_UNAVAILABLE]:
    '这份文书的存档文件目前无法读取，系统已记录并通知工作人员处理。请记下文号，向出具文书的单位咨询',
  [SealErrorCode.NOTHING_TO_VERIFY]: '请上传要核验的 PDF 文件，或填写文书上的验证码',
  [SealErrorCode.UNKNOWN_ORGAN]: '没有这个发文机关，请核对乡镇代码或县直部门代码',
  [SealErrorCode.NUMBER_PATTERN_INVALID]: '文号格式不正确',
  [SealErrorCode.NO_ACTIVE_BUREAU_SEAL]: '该县直部门没有启用的印章，暂不能出具文书',
  [SealErrorCode.NOTICE_TABLE_INVALID]: '通报中的表格不完整：每一行的栏数须与表头一致，每格不超过 60 个字',
  [SealErrorCode.NOTICE_KEY_TAKEN]: '这个通报编号已用于另一个县的通报，请重新发起',
};

export class SealError extends CodedError<SealErrorCode> {
  constructor(code: SealErrorCode, message?: string, details?: Record<string, unknown>) {
    super(code, message ?? MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case SealErrorCode.NOT_FOUND:
      case SealErrorCode.DOCUMENT_NOT_FOUND:
      case SealErrorCode.UNKNOWN_ORGAN:
        return HttpStatus.NOT_FOUND;
      case SealErrorCode.TRANSITION_NOT_ALLOWED:
      case SealErrorCode.ALREADY_ACTIVE:
      case SealErrorCode.NO_ACTIVE_SEAL:
      case SealErrorCode.LEGACY_SEAL_REFUSED:
      case SealErrorCode.NOT_ACTIVE:
      case SealErrorCode.WRONG_TOWN:
      case SealErrorCode.NO_ACTIVE_BUREAU_SEAL:
        return HttpStatus.CONFLICT;
      case SealErrorCode.UNKNOWN_TOWN:
      case SealErrorCode.NUMBER_PATTERN_INVALID:
      case SealErrorCode.NOTICE_TABLE_INVALID:
      case SealErrorCode.NOTICE_KEY_TAKEN:
        // A key taken is not a 409: to the 通报's caller a conflict means the bureau's seal is not in force.
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case SealErrorCode.NOTHING_TO_VERIFY:
        return HttpStatus.BAD_REQUEST;
      // The document exists and stays valid; its file is what the operator must put back (from a backup).
      case SealErrorCode.DOCUMENT_FILE_UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}

export function sealErrorMessage(code: SealErrorCode): string {
  return MESSAGES[code];
}
