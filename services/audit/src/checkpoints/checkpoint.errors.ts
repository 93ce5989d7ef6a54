import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum CheckpointErrorCode {
  FOREIGN_KEY = 'AUDIT.CHECKPOINT_FOREIGN_KEY',
  VERIFICATION_INTERRUPTED = 'AUDIT.CHECKPOINT_VERIFICATION_INTERRUPTED',
}

const MESSAGES: Record<CheckpointErrorCode, string> = {
  [CheckpointErrorCode.FOREIGN_KEY]:
    '这份检查点文件不是本系统的签名密钥签发的，不能用来核验本系统的审计日志（请使用从本系统导出的文件）',
  [CheckpointErrorCode.VERIFICATION_INTERRUPTED]:
    '检查点核验中断（审计服务暂时无法读取日志），请稍后重新核验',
};

export class CheckpointError extends CodedError<CheckpointErrorCode> {
  constructor(code: CheckpointErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CheckpointErrorCode.FOREIGN_KEY:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case CheckpointErrorCode.VERIFICATION_INTERRUPTED:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}
