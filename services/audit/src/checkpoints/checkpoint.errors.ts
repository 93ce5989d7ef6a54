import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum CheckpointErrorCode {
  FOREIGN_KEY = 'AUDIT.CHECKPOINT_FOREIGN_KEY',
  CHECK_BUSY = 'AUDIT.CHECKPOINT_CHECK_BUSY',
  CHECK_NOT_FOUND = 'AUDIT.CHECKPOINT_CHECK_NOT_FOUND',
}

const MESSAGES: Record<CheckpointErrorCode, string> = {
  [CheckpointErrorCode.FOREIGN_KEY]:
    '这份检查点文件不是本系统的签名密钥签发的，不能用来核验本系统的审计日志（请使用从本系统导出的文件）',
  [CheckpointErrorCode.CHECK_BUSY]:
    '另一项检查点核验正在进行（见下方检查点核验记录），同一时间只能进行一项，请待其完成后再发起',
  [CheckpointErrorCode.CHECK_NOT_FOUND]:
    '没有找到这次检查点核验的记录（编号有误或记录不存在），请在检查点核验记录中查看',
};

export class CheckpointError extends CodedError<CheckpointErrorCode> {
  constructor(code: CheckpointErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CheckpointErrorCode.FOREIGN_KEY:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case CheckpointErrorCode.CHECK_BUSY:
        return HttpStatus.CONFLICT;
      case CheckpointErrorCode.CHECK_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
