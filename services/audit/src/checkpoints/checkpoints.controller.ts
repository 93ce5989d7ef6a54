import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Logger,
  Post,
  Query,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@oneseal/auth';
import type { Observable } from 'rxjs';
import type { Response } from 'express';
import { progressStream, writeProgressStream } from '../progress/progress-stream';
import { CheckpointError, CheckpointErrorCode } from './checkpoint.errors';
import { CheckpointsService } from './checkpoints.service';
import { CheckpointExportQuery, ExportedCheckpointsDto } from './dto/exported-checkpoints.dto';

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
  @ApiOperation({
    summary:
      '导出全部签名检查点，交由系统之外保存，日后用来核验（heads=none 时不含链头：百万件办件的链头有上百兆，签名已覆盖链头摘要）',
  })
  export(@Query() query: CheckpointExportQuery) {
    return this.checkpoints.export(query.heads !== 'none');
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
    return progressStream(
      (watch) => this.checkpoints.verify(undefined, watch),
      new CheckpointError(CheckpointErrorCode.VERIFICATION_INTERRUPTED),
      this.logger,
      'checkpoint verification',
    );
  }

  /**
   * A copy checked while the person watches (a copy without heads is checked with the database's million heads):
   * server-sent events as for GET verification/progress. A copy signed by another key is refused before it starts.
   */
  @Post('verification/progress')
  @ApiOperation({
    summary:
      '用此前导出的检查点文件核验，边核验边报告进度（text/event-stream：progress 进度、verdict 结论、failed 中断）',
  })
  verifyCopyWithProgress(@Body() copy: ExportedCheckpointsDto, @Res() response: Response): void {
    this.checkpoints.assertOwnCopy(copy);
    writeProgressStream(
      response,
      progressStream(
        (watch) => this.checkpoints.verify(copy, watch),
        new CheckpointError(CheckpointErrorCode.VERIFICATION_INTERRUPTED),
        this.logger,
        'checkpoint verification against a copy',
      ),
    );
  }

  @Post('verification')
  @HttpCode(200)
  @ApiOperation({ summary: '用此前导出的检查点文件核验：系统中被删除或改动的检查点和事件都会列出' })
  verifyCopy(@Body() copy: ExportedCheckpointsDto) {
    return this.checkpoints.verify(copy);
  }
}
