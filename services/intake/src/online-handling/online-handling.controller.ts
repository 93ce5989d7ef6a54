import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CountyPeriodQuery, isReportablePeriod } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { OnlineFilingError, OnlineFilingErrorCode } from '../online-filing/online-filing.errors';
import { onlineHandlingReport, type OnlineHandlingReport } from './online-handling-report';

/** 网上办理 in supervision: how much of the catalogue can be applied for online, and how much was. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/online-handling')
export class OnlineHandlingController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({
    summary:
      '网上办理情况：镇级、村级依申请事项网上可办率（按事项计，对照实施方案目标）与各乡镇期间网上办件率（按办件计）',
  })
  report(@CurrentUser() user: AuthUser, @Query() query: CountyPeriodQuery): Promise<OnlineHandlingReport> {
    assertReachesPlace(user, query);
    if (!isReportablePeriod(query)) throw new OnlineFilingError(OnlineFilingErrorCode.PERIOD_INVALID);
    return onlineHandlingReport(this.dataSource, query);
  }
}
