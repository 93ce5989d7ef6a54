import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import type { Response } from 'express';
import { CheckpointChecks, type CheckpointCheck } from './checkpoint-checks.service';
import { CheckpointError, CheckpointErrorCode } from './checkpoint.errors';
import { CheckpointsService } from './checkpoints.service';
import { CheckpointCheckIdParam } from './dto/checkpoint-check-id.param';
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
  private readonly logger = new Logger(CheckpointsController.name);

  constructor(
    private readonly checkpoints: CheckpointsService,
    private readonly checks: CheckpointChecks,
  ) {}

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
  @ApiOperation({
    summary:
      '导出全部签名检查点，交由系统之外保存，日后用来核验（heads=none 时不含链头：百万件办件的链头有上百兆，签名已覆盖链头摘要）',
  })
  async export(@Query() query: CheckpointExportQuery, @Res() response: Response): Promise<void> {
    // A file only once there is something to write: a failure before then is answered as any failure is.
    const write = (part: string) => {
      if (!response.headersSent)
        response.status(200).set({
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': 'attachment; filename="oneseal-audit-checkpoints.json"',
          'cache-control': 'no-store',
        });
      return writeInTurn(response, part);
    };
    try {
      await this.checkpoints.exportTo(write, query.heads !== 'none');
      response.end();
    } catch (error) {
      // Nothing sent yet: answered as any failure is. Part of the file sent: the download breaks off rather than
      // end as a file that looks whole.
      if (!response.headersSent) throw error;
      this.logger.warn(`checkpoint export broken off: ${String(error)}`);
      response.destroy();
    }
  }

  @Get('verification')
  @ApiOperation({ summary: '核验系统中的检查点：签名、前后衔接，以及每个链头是否仍在日志中且未被改写' })
  verify() {
    return this.checkpoints.verify();
  }

  /** The same check run on in the service (a million heads take minutes): the auditor may leave the screen. */
  @Post('checks')
  @ApiOperation({
    summary:
      '发起核验系统中的检查点（后台进行，离开页面不中断；正在核验时返回该次核验，另一项用文件的核验在进行时拒绝）',
  })
  startCheck(@CurrentUser() user: AuthUser): Promise<CheckpointCheck> {
    return this.checks.start({ id: user.id, name: user.name });
  }

  /** A copy checked in the background; one signed by another key is refused before it starts. */
  @Post('checks/copy')
  @ApiOperation({
    summary:
      '用此前导出的检查点文件发起核验（后台进行；文件只在核验期间留在服务中，记录导出时间和检查点数；另一项核验在进行时拒绝）',
  })
  startCopyCheck(
    @CurrentUser() user: AuthUser,
    @Body() copy: ExportedCheckpointsDto,
  ): Promise<CheckpointCheck> {
    return this.checks.start({ id: user.id, name: user.name }, copy);
  }

  @Get('checks')
  @ApiOperation({ summary: '最近 20 次检查点核验：核验对象、谁发起、进度、结论' })
  listChecks(): Promise<CheckpointCheck[]> {
    return this.checks.list();
  }

  @Get('checks/:id')
  @ApiOperation({ summary: '一次检查点核验的进度与结论' })
  async check(@Param() { id }: CheckpointCheckIdParam): Promise<CheckpointCheck> {
    const check = await this.checks.find(id);
    if (!check) throw new CheckpointError(CheckpointErrorCode.CHECK_NOT_FOUND);
    return check;
  }

  @Post('verification')
  @HttpCode(200)
  @ApiOperation({ summary: '用此前导出的检查点文件核验：系统中被删除或改动的检查点和事件都会列出' })
  verifyCopy(@Body() copy: ExportedCheckpointsDto) {
    return this.checkpoints.verify(copy);
  }
}

/** Writes a part of a long answer, waiting while the client's connection is full (or failing once it is gone). */
function writeInTurn(response: Response, part: string): Promise<void> | void {
  // Gone already (its 'close' came while the next part was being read): nothing will drain.
  if (response.destroyed || response.writableEnded)
    return Promise.reject(new Error('the client closed the connection'));
  if (response.write(part)) return;
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      response.off('drain', onDrain).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the client closed the connection'));
    response.on('drain', onDrain).on('close', onClose);
  });
}
