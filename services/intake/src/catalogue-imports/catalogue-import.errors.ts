import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum CatalogueImportErrorCode {
  FILE_TYPE_UNSUPPORTED = 'CATALOGUE_IMPORT.FILE_TYPE_UNSUPPORTED',
  FILE_UNREADABLE = 'CATALOGUE_IMPORT.FILE_UNREADABLE',
  FILE_TOO_LARGE = 'CATALOGUE_IMPORT.FILE_TOO_LARGE',
  FILE_MISSING = 'CATALOGUE_IMPORT.FILE_MISSING',
  IMPORT_NOT_FOUND = 'CATALOGUE_IMPORT.NOT_FOUND',
  HAS_PROBLEMS = 'CATALOGUE_IMPORT.HAS_PROBLEMS',
  CATALOGUE_CHANGED = 'CATALOGUE_IMPORT.CATALOGUE_CHANGED',
  ALREADY_DECIDED = 'CATALOGUE_IMPORT.ALREADY_DECIDED',
  NO_MATTER_PREFIX = 'CATALOGUE_IMPORT.NO_MATTER_PREFIX',
}

const MESSAGES: Record<CatalogueImportErrorCode, string> = {
  [CatalogueImportErrorCode.FILE_TYPE_UNSUPPORTED]:
    '只能导入 Excel（.xlsx）、CSV（.csv）或制表符分隔（.tsv、.txt）文件，旧版 .xls 请先另存为 .xlsx',
  [CatalogueImportErrorCode.FILE_UNREADABLE]: '文件打不开或已损坏，请用 Excel 重新保存后再导入',
  [CatalogueImportErrorCode.FILE_TOO_LARGE]:
    '事项清单文件超过 2 MB：请只保留事项表（删去图片和其他工作表）后重新保存再导入',
  [CatalogueImportErrorCode.FILE_MISSING]: '请选择要导入的事项清单文件',
  [CatalogueImportErrorCode.IMPORT_NOT_FOUND]: '没有找到这次导入，请重新上传事项清单',
  [CatalogueImportErrorCode.HAS_PROBLEMS]: '清单中还有问题，请按提示逐行改正后重新上传，改正前不能发布',
  [CatalogueImportErrorCode.CATALOGUE_CHANGED]:
    '预览之后本县事项目录已有变化（可能有人刚发布过），请重新上传清单，核对新的差异后再发布',
  [CatalogueImportErrorCode.ALREADY_DECIDED]: '这次导入已经发布或已被新的导入取代，不能再发布',
  [CatalogueImportErrorCode.NO_MATTER_PREFIX]: '本县尚未设置事项编码前缀，请联系系统管理员',
};

export class CatalogueImportError extends CodedError<CatalogueImportErrorCode> {
  constructor(code: CatalogueImportErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CatalogueImportErrorCode.FILE_TYPE_UNSUPPORTED:
      case CatalogueImportErrorCode.FILE_UNREADABLE:
      case CatalogueImportErrorCode.FILE_TOO_LARGE:
      case CatalogueImportErrorCode.FILE_MISSING:
      case CatalogueImportErrorCode.HAS_PROBLEMS:
      case CatalogueImportErrorCode.NO_MATTER_PREFIX:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case CatalogueImportErrorCode.IMPORT_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case CatalogueImportErrorCode.CATALOGUE_CHANGED:
      case CatalogueImportErrorCode.ALREADY_DECIDED:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
