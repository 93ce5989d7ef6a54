import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { PlaceQuery } from '@oneseal/service-kit';
import { VerificationRunIdParam } from './dto/verification-run-id.param';
import { AuditError, AuditErrorCode } from './place-audit.controller';
import { VerificationRuns, type VerificationRun } from './verification-runs.service';

/** Checks of a place's chains that run on after the person who started them has left the screen. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/verification/runs')
@Roles('auditor', 'supervisor', 'admin')
export class VerificationRunsController {
  constructor(private readonly runs: VerificationRuns) {}

  @Post()
  @ApiOperation({
    summary: '发起核验一个乡镇或全县的全部事件链（后台进行，离开页面不中断；同一地方正在核验时返回该次核验）',
  })
  start(@CurrentUser() user: AuthUser, @Body() place: PlaceQuery): Promise<VerificationRun> {
    assertReachesPlace(user, place);
    return this.runs.start({ county: place.county, town: place.town }, { id: user.id, name: user.name });
  }

  @Get()
  @ApiOperation({ summary: '一个县（或乡镇）最近 20 次核验：谁发起、进度、结论' })
  list(@CurrentUser() user: AuthUser, @Query() place: PlaceQuery): Promise<VerificationRun[]> {
    assertReachesPlace(user, place);
    return this.runs.list({ county: place.county, town: place.town });
  }

  @Get(':id')
  @ApiOperation({ summary: '一次核验的进度与结论' })
  async one(
    @CurrentUser() user: AuthUser,
    @Param() { id }: VerificationRunIdParam,
  ): Promise<VerificationRun> {
    const run = await this.runs.find(id);
    if (!run) throw new AuditError(AuditErrorCode.VERIFICATION_RUN_NOT_FOUND);
    // Another county's check is answered as not found: its existence is not this person's to know.
    try {
      assertReachesPlace(user, { county: run.county, ...(run.town ? { town: run.town } : {}) });
    } catch {
      throw new AuditError(AuditErrorCode.VERIFICATION_RUN_NOT_FOUND);
    }
    return run;
  }
}
