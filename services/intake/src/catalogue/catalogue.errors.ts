import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

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

export class CatalogueQueryError extends Error {
  constructor(readonly code: CatalogueQueryErrorCode) {
    super(MESSAGES[code]);
    this.name = 'CatalogueQueryError';
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unmapped catalogue error code: ${String(value)}`);
}

function httpStatusOf(code: CatalogueQueryErrorCode): HttpStatus {
  switch (code) {
    case CatalogueQueryErrorCode.MATTER_NOT_FOUND:
    case CatalogueQueryErrorCode.TOWN_NOT_FOUND:
    case CatalogueQueryErrorCode.COUNTY_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    default:
      return assertUnreachable(code);
  }
}

@Catch(CatalogueQueryError)
export class CatalogueQueryErrorFilter implements ExceptionFilter {
  catch(error: CatalogueQueryError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(httpStatusOf(error.code))
      .json({ code: error.code, message: error.message });
  }
}
