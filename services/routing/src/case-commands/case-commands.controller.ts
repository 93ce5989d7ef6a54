import { resultWording } from '@oneseal/domain';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@oneseal/auth';
import {
  extendUpdate,
  resumeUpdate,
  retryStalledStepUpdate,
  supplyCorrectionUpdate,
  suspendUpdate,
  withdrawUpdate,
  type CaseStatus,
} from '@oneseal/contracts';
import type { UpdateDefinition } from '@temporalio/common';
import { CaseAccess, type CaseAccessAnswer, type CaseAction } from './case-access';
import { withCaseRefusals } from './case-refusals';
import {
  CaseIdParam,
  ExtendCaseDto,
  ResumeCaseDto,
  RetryStalledStepDto,
  SupplyCorrectionDto,
  SuspendCaseDto,
  WithdrawCaseDto,
} from './dto/case-commands.dto';

/**
 * What happens to a case outside its tasks: the applicant supplies a 补正 or withdraws, a special procedure stops
 * the clock, an extension is approved. Each is an update the case workflow accepts or refuses at once; who may ask
 * is checked first (CaseAccess), and who asked comes from the token. Decisions on a step's task are the approval
 * service's (its inbox, claims and decisions).
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class CaseCommandsController {
  constructor(private readonly cases: CaseAccess) {}

  @Get()
  @ApiOperation({ summary: '办件当前状态：所处环节、承诺办结日期、计时中止记录、已办环节' })
  async status(
    @CurrentUser() user: AuthUser,
    @Param() { caseId }: CaseIdParam,
  ): Promise<CaseStatus & { resultText?: string }> {
    const { status, matterTypeCode } = await this.cases.take(user, 'view', caseId);
    // The result as staff and applicants read it: 准予给付, 不予受理 … never the bare code 退回.
    return status.result ? { ...status, resultText: resultWording(matterTypeCode, status.result) } : status;
  }

  @Get('access')
  @ApiOperation({
    summary:
      '本人对该办件可做什么：查看、查看完整身份信息、补正已收到、撤回、特别程序、延长（供工作台和受理服务使用）',
  })
  access(@CurrentUser() user: AuthUser, @Param() { caseId }: CaseIdParam): Promise<CaseAccessAnswer> {
    return this.cases.allowance(user, caseId);
  }

  @Post('correction-supplied')
  @HttpCode(202)
  @ApiOperation({ summary: '申请人已补正：计时恢复，退回的环节重新办理（受理窗口或帮办代办员）' })
  supplyCorrection(
    @CurrentUser() user: AuthUser,
    @Param() { caseId }: CaseIdParam,
    @Body() body: SupplyCorrectionDto,
  ) {
    return this.command(user, 'supply-correction', caseId, supplyCorrectionUpdate, {
      ...body,
      handlerId: user.id,
    });
  }

  @Post('withdrawal')
  @HttpCode(202)
  @ApiOperation({ summary: '申请人撤回申请（作出决定前；受理窗口或帮办代办员）' })
  withdraw(@CurrentUser() user: AuthUser, @Param() { caseId }: CaseIdParam, @Body() body: WithdrawCaseDto) {
    return this.command(user, 'withdraw', caseId, withdrawUpdate, {
      requestedBy: user.id,
      reason: body.reason,
    });
  }

  @Post('suspension')
  @HttpCode(202)
  @ApiOperation({ summary: '启动特别程序（公示、入户调查、听证等），计时中止（镇分管领导或承办的县直部门）' })
  suspend(@CurrentUser() user: AuthUser, @Param() { caseId }: CaseIdParam, @Body() body: SuspendCaseDto) {
    return this.command(user, 'suspend', caseId, suspendUpdate, {
      ...body,
      handlerId: user.id,
      handlerName: user.name,
    });
  }

  @Post('resumption')
  @HttpCode(202)
  @ApiOperation({ summary: '特别程序结束，计时恢复（镇分管领导或承办的县直部门）' })
  resume(@CurrentUser() user: AuthUser, @Param() { caseId }: CaseIdParam, @Body() _body: ResumeCaseDto) {
    return this.command(user, 'resume', caseId, resumeUpdate, { handlerId: user.id });
  }

  @Post('extension')
  @HttpCode(202)
  @ApiOperation({ summary: '延长审批：批准延长办理时限（镇分管领导或承办的县直部门）' })
  extend(@CurrentUser() user: AuthUser, @Param() { caseId }: CaseIdParam, @Body() body: ExtendCaseDto) {
    return this.command(user, 'extend', caseId, extendUpdate, {
      ...body,
      approvedBy: user.id,
      approvedByName: user.name,
    });
  }

  @Post('stalled-step-retry')
  @HttpCode(202)
  @ApiOperation({
    summary: '重新执行因数据问题暂停的环节：排除问题后由本县系统管理员发起，办件从暂停处继续（记入审计记录）',
  })
  retryStalledStep(
    @CurrentUser() user: AuthUser,
    @Param() { caseId }: CaseIdParam,
    @Body() body: RetryStalledStepDto,
  ) {
    return this.command(user, 'retry-stalled-step', caseId, retryStalledStepUpdate, {
      handlerId: user.id,
      handlerName: user.name,
      note: body.note,
    });
  }

  /** Checks who asks, then hands the request to the case workflow, which takes it or refuses it at once. */
  private async command<TRequest>(
    user: AuthUser,
    action: CaseAction,
    caseId: string,
    update: UpdateDefinition<{ accepted: true }, [TRequest]>,
    request: TRequest,
  ): Promise<{ accepted: true }> {
    const { handle } = await this.cases.take(user, action, caseId);
    return withCaseRefusals(handle, (workflow) => workflow.executeUpdate(update, { args: [request] }));
  }
}
