import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Logger,
  Post,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@oneseal/auth';
import type { Observable } from 'rxjs';
import { progressStream } from '../progress/progress-stream';
import { CheckpointError, CheckpointErrorCode } from './checkpoint.errors';
import { CheckpointsService } from './checkpoints.service';
import { ExportedCheckpointsDto } from './dto/exported-checkpoints.dto';

/**
 * Auditors and the platform's operators check the log against its signed checkpoints and take a copy of them away;
 * operators may take a checkpoint at once (one is also taken on a schedule).
 */
@ApiTags('audit checkpoints')
@ApiBearerAuth()
@Controller('audit/checkpoints')
@Roles('auditor', 'system-admin')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  private readonly logger = new Logger('Checkpoints');

  @Get()
  @ApiOperation({ summary: '签名检查点：最近 100 个（时间、覆盖到的事件、链头数量、SM2 签名）' })
  async list() {
    return { publicKey: this.checkpoints.publicKey, checkpoints: await this.checkpoints.list() };
  }

  @Post()
  @HttpCode(200)
  @Roles('system-admin')
  @ApiOperation({ summary: '立即生成一个检查点（签署自上个检查点以来增长的每条事件链的链头）' })
  async take() {
    return { checkpoint: (await this.checkpoints.take()) ?? null };
  }

  @Get('export')
  @Header('Content-Disposition', 'attachment; filename="oneseal-audit-checkpoints.json"')
  @ApiOperation({ summary: '导出全部签名检查点（含链头），交由系统之外保存，日后用来核验' })
  export() {
    return this.checkpoints.export();
  }

  @Get('verification')
  @ApiOperation({ summary: '核验系统中的检查点：签名、前后衔接，以及每个链头是否仍在日志中且未被改写' })
  verify() {
    return this.checkpoints.verify();
  }

  /** The same check for a person watching it (a million heads take minutes): progress as it goes, then the verdict. */
  @Sse('verification/progress')
  @ApiOperation({
    summary:
      '核验系统中的检查点，边核验边报告进度（text/event-stream：progress 进度、verdict 结论、failed 中断）',
  })
  verifyWithProgress(): Observable<MessageEvent> {
    const interrupted = new CheckpointError(CheckpointErrorCode.VERIFICATION_INTERRUPTED);
    return progressStream(
      (watch) => this.checkpoints.verify(undefined, watch),
      { code: interrupted.code, message: interrupted.message },
      this.logger,
      'checkpoint verification',
    );
  }

  @Post('verification')
  @HttpCode(200)
  @ApiOperation({ summary: '用此前导出的检查点文件核验：系统中被删除或改动的检查点和事件都会列出' })
  verifyCopy(@Body() copy: ExportedCheckpointsDto) {
    return this.checkpoints.verify(copy);
  }
}
