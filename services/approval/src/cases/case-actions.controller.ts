import { Body, Controller, Get, HttpCode, Inject, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@oneseal/auth';
import { CodedErrorFilter } from '@oneseal/service-kit';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import {
  caseStatusQuery,
  extendUpdate,
  resumeUpdate,
  supplyCorrectionUpdate,
  suspendUpdate,
  withdrawUpdate,
  type CaseStatus,
} from '@oneseal/workflows';
import type { Client } from '@temporalio/client';
import { withCaseRefusals } from '../tasks/case-refusals';
import { CaseAccess, type CaseAction } from './case-access';
import {
  CaseIdParam,
  ExtendCaseDto,
  ResumeCaseDto,
  SupplyCorrectionDto,
  SuspendCaseDto,
  WithdrawCaseDto,
} from './dto/case-actions.dto';

/**
 * What happens to a case outside its tasks: the applicant supplies a 补正 or withdraws, a special procedure stops
 * the clock, an extension is approved. Each is an update the case workflow accepts or refuses at once; who may
 * ask is checked first (CaseAccess), and who asked comes from the token.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:caseId')
@UseFilters(CodedErrorFilter)
export class CaseActionsController {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly access: CaseAccess,
  ) {}

  private async handle(user: AuthUser, action: CaseAction, caseId: string) {
    await this.access.assertMay(user, action, caseId);
    return this.temporal.workflow.getHandle(caseId);
  }

  @Get()
  @ApiOperation({ summary: '办件当前状态：所处环节、承诺办结日期、计时中止记录、已办环节' })
  async status(@CurrentUser() user: AuthUser, @Param() { caseId }: CaseIdParam): Promise<CaseStatus> {
    return withCaseRefusals(await this.handle(user, 'view', caseId), (handle) =>
      handle.query(caseStatusQuery),
    );
  }

  @Post('correction-supplied')
  @HttpCode(202)
  @ApiOperation({ summary: '申请人已补正：计时恢复，退回的环节重新办理（受理窗口或帮办代办员）' })
  async supplyCorrection(
    @CurrentUser() user: AuthUser,
    @Param() { caseId }: CaseIdParam,
    @Body() body: SupplyCorrectionDto,
  ) {
    return withCaseRefusals(await this.handle(user, 'supply-correction', caseId), (handle) =>
      handle.executeUpdate(supplyCorrectionUpdate, { args: [{ ...body, handlerId: user.id }] }),
    );
  }

  @Post('withdrawal')
  @HttpCode(202)
  @ApiOperation({ summary: '申请人撤回申请（作出决定前；受理窗口或帮办代办员）' })
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param() { caseId }: CaseIdParam,
    @Body() body: WithdrawCaseDto,
  ) {
    return withCaseRefusals(await this.handle(user, 'withdraw', caseId), (handle) =>
      handle.executeUpdate(withdrawUpdate, { args: [{ requestedBy: user.id, reason: body.reason }] }),
    );
  }

  @Post('suspension')
  @HttpCode(202)
  @ApiOperation({ summary: '启动特别程序（公示、入户调查、听证等），计时中止（镇分管领导或承办的县直部门）' })
  async suspend(
    @CurrentUser() user: AuthUser,
    @Param() { caseId }: CaseIdParam,
    @Body() body: SuspendCaseDto,
  ) {
    return withCaseRefusals(await this.handle(user, 'suspend', caseId), (handle) =>
      handle.executeUpdate(suspendUpdate, { args: [{ ...body, handlerId: user.id }] }),
    );
  }

  @Post('resumption')
  @HttpCode(202)
  @ApiOperation({ summary: '特别程序结束，计时恢复（镇分管领导或承办的县直部门）' })
  async resume(
    @CurrentUser() user: AuthUser,
    @Param() { caseId }: CaseIdParam,
    @Body() _body: ResumeCaseDto,
  ) {
    return withCaseRefusals(await this.handle(user, 'resume', caseId), (handle) =>
      handle.executeUpdate(resumeUpdate, { args: [{ handlerId: user.id }] }),
    );
  }

  @Post('extension')
  @HttpCode(202)
  @ApiOperation({ summary: '延长审批：批准延长办理时限（镇分管领导或承办的县直部门）' })
  async extend(@CurrentUser() user: AuthUser, @Param() { caseId }: CaseIdParam, @Body() body: ExtendCaseDto) {
    return withCaseRefusals(await this.handle(user, 'extend', caseId), (handle) =>
      handle.executeUpdate(extendUpdate, { args: [{ ...body, approvedBy: user.id }] }),
    );
  }
}
