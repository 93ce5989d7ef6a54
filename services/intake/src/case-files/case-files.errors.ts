import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum CaseFileErrorCode {
  CASE_NOT_FOUND = 'CASE_FILE.CASE_NOT_FOUND',
  ACCESS_UNAVAILABLE = 'CASE_FILE.ACCESS_UNAVAILABLE',
  ATTACHMENT_NOT_FOUND = 'CASE_FILE.ATTACHMENT_NOT_FOUND',
  ATTACHMENT_MISSING = 'CASE_FILE.ATTACHMENT_MISSING',
  ATTACHMENT_TYPE_NOT_ALLOWED = 'CASE_FILE.ATTACHMENT_TYPE_NOT_ALLOWED',
  ATTACHMENT_TOO_LARGE = 'CASE_FILE.ATTACHMENT_TOO_LARGE',
  ATTACHMENTS_TOO_MANY = 'CASE_FILE.ATTACHMENTS_TOO_MANY',
  ATTACHMENT_MATERIAL_UNKNOWN = 'CASE_FILE.ATTACHMENT_MATERIAL_UNKNOWN',
  CASE_ENDED = 'CASE_FILE.CASE_ENDED',
  PAGES_NOT_FOR_YOUR_ROLE = 'CASE_FILE.PAGES_NOT_FOR_YOUR_ROLE',
  UPLOAD_MALFORMED = 'CASE_FILE.UPLOAD_MALFORMED',
}

const MESSAGES: Record<CaseFileErrorCode, string> = {
  [CaseFileErrorCode.CASE_NOT_FOUND]: '没有这个办件，或办件刚提交、尚在分派中；请核对后稍后再试',
  [CaseFileErrorCode.ACCESS_UNAVAILABLE]: '暂时无法核实您对该办件的查看权限，请稍后再试',
  [CaseFileErrorCode.ATTACHMENT_NOT_FOUND]: '该办件中没有这份材料页面',
  [CaseFileErrorCode.ATTACHMENT_MISSING]: '请选择要上传的材料文件',
  [CaseFileErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED]:
    '只能上传 PDF、JPG、PNG 或 OFD 格式的扫描件、照片（按文件内容识别，改扩展名无效）',
  [CaseFileErrorCode.ATTACHMENT_TOO_LARGE]: '单个文件不能超过 10 MB，请压缩或分页扫描后上传',
  [CaseFileErrorCode.ATTACHMENTS_TOO_MANY]: '一个办件最多上传 40 份材料页面，请合并为 PDF 后上传',
  [CaseFileErrorCode.ATTACHMENT_MATERIAL_UNKNOWN]: '所选材料不在该事项办事指南的材料清单中',
  [CaseFileErrorCode.CASE_ENDED]: '该办件已办结或已终止，案卷不再添加材料',
  [CaseFileErrorCode.PAGES_NOT_FOR_YOUR_ROLE]:
    '材料页面含完整的身份证件、户籍和账户信息，仅受理、审核、决定人员可以查看',
  [CaseFileErrorCode.UPLOAD_MALFORMED]:
    '上传内容不完整或不符合要求：每次上传一个文件并选择所属材料，请重新上传',
};

export class CaseFileError extends CodedError<CaseFileErrorCode> {
  constructor(code: CaseFileErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CaseFileErrorCode.CASE_NOT_FOUND:
      case CaseFileErrorCode.ATTACHMENT_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case CaseFileErrorCode.ACCESS_UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      case CaseFileErrorCode.PAGES_NOT_FOR_YOUR_ROLE:
        return HttpStatus.FORBIDDEN;
      case CaseFileErrorCode.ATTACHMENT_MISSING:
      case CaseFileErrorCode.UPLOAD_MALFORMED:
        return HttpStatus.BAD_REQUEST;
      case CaseFileErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED:
        return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case CaseFileErrorCode.ATTACHMENT_TOO_LARGE:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      case CaseFileErrorCode.ATTACHMENTS_TOO_MANY:
      case CaseFileErrorCode.CASE_ENDED:
        return HttpStatus.CONFLICT;
      case CaseFileErrorCode.ATTACHMENT_MATERIAL_UNKNOWN:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
