import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum BackgroundCheckErrorCode {
  SERVICE_STOPPING = 'AUDIT.CHECK_SERVICE_STOPPING',
}

const MESSAGES: Record<BackgroundCheckErrorCode, string> = {
  [BackgroundCheckErrorCode.SERVICE_STOPPING]: '审计服务正在重启或更新，暂时无法发起核验，请约一分钟后再试',
};

export class BackgroundCheckError extends CodedError<BackgroundCheckErrorCode> {
  constructor(code: BackgroundCheckErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case BackgroundCheckErrorCode.SERVICE_STOPPING:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}
