import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum ServiceCenterErrorCode {
  TOWN_NOT_FOUND = 'SERVICE_CENTER.TOWN_NOT_FOUND',
}

const MESSAGES: Record<ServiceCenterErrorCode, string> = {
  [ServiceCenterErrorCode.TOWN_NOT_FOUND]: '没有这个乡镇：请核对乡镇代码',
};

export class ServiceCenterError extends CodedError<ServiceCenterErrorCode> {
  constructor(code: ServiceCenterErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case ServiceCenterErrorCode.TOWN_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
