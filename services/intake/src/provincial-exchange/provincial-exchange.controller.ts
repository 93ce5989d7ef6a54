import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { DataSource } from 'typeorm';
import { exchangeStatusOf, type ExchangeStatus } from './exchange-status';
import { ProvincialExchangeError, ProvincialExchangeErrorCode } from './provincial-exchange.errors';
import { ProvincialPushQueue } from './provincial-push-queue';

export const EXCHANGE_CONNECTED = Symbol('EXCHANGE_CONNECTED');

@ApiTags('provincial-exchange')
@ApiBearerAuth()
@Controller('provincial-exchange')
export class ProvincialExchangeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EXCHANGE_CONNECTED) private readonly connected: boolean,
  ) {}

  @Get()
  @Roles('admin', 'supervisor', 'auditor')
  @ApiOperation({ summary: '与省一体化在线政务服务平台的对接情况：指南和办件环节推送、一网通办申请接收' })
  status(@CurrentUser() user: AuthUser): Promise<ExchangeStatus> {
    return exchangeStatusOf(this.dataSource, user.county, this.connected);
  }

  @Post('pushes/:key/retry')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: '重新推送一条被省平台退回的记录（原因已与省平台核实处理后）' })
  async retry(@CurrentUser() user: AuthUser, @Param('key') key: string): Promise<{ requeued: true }> {
    const requeued = await new ProvincialPushQueue(this.dataSource).requeue(key, user.county);
    if (!requeued) throw new ProvincialExchangeError(ProvincialExchangeErrorCode.PUSH_NOT_REFUSED);
    return { requeued: true };
  }
}
