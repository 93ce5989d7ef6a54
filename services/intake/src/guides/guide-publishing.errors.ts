import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum GuidePublishingErrorCode {
  VERSION_CONFLICT = 'CATALOGUE.GUIDE_VERSION_CONFLICT',
  GUIDE_INVALID = 'CATALOGUE.GUIDE_INVALID',
}

const MESSAGES: Record<GuidePublishingErrorCode, string> = {
  [GuidePublishingErrorCode.VERSION_CONFLICT]: '办事指南已有更新的版本，请刷新后在最新版本上修改',
  [GuidePublishingErrorCode.GUIDE_INVALID]: '办事指南内容前后不一致，请按提示修改后再发布',
};

export class GuidePublishingError extends CodedError<GuidePublishingErrorCode> {
  constructor(code: GuidePublishingErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case GuidePublishingErrorCode.VERSION_CONFLICT:
        return HttpStatus.CONFLICT;
      case GuidePublishingErrorCode.GUIDE_INVALID:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
