import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum CatalogueQueryErrorCode {
  MATTER_NOT_FOUND = 'CATALOGUE.MATTER_NOT_FOUND',
  TOWN_NOT_FOUND = 'CATALOGUE.TOWN_NOT_FOUND',
  COUNTY_NOT_FOUND = 'CATALOGUE.COUNTY_NOT_FOUND',
}

const MESSAGES: Record<CatalogueQueryErrorCode, string> = {
  [CatalogueQueryErrorCode.MATTER_NOT_FOUND]: '没有这个事项编码，请核对后重试',
  [CatalogueQueryErrorCode.TOWN_NOT_FOUND]: '没有这个乡镇代码，请核对后重试',
  [CatalogueQueryErrorCode.COUNTY_NOT_FOUND]: '没有这个县级行政区划代码，请核对后重试',
};

export class CatalogueQueryError extends CodedError<CatalogueQueryErrorCode> {
  constructor(code: CatalogueQueryErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CatalogueQueryErrorCode.MATTER_NOT_FOUND:
      case CatalogueQueryErrorCode.TOWN_NOT_FOUND:
      case CatalogueQueryErrorCode.COUNTY_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
