import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum CheckpointErrorCode {
  FOREIGN_KEY = 'AUDIT.CHECKPOINT_FOREIGN_KEY',
}

const MESSAGES: Record<CheckpointErrorCode, string> = {
  [CheckpointErrorCode.FOREIGN_KEY]:
    '这份检查点文件不是本系统的签名密钥签发的，不能用来核验本系统的审计日志（请使用从本系统导出的文件）',
};

export class CheckpointError extends CodedError<CheckpointErrorCode> {
  constructor(code: CheckpointErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CheckpointErrorCode.FOREIGN_KEY:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
