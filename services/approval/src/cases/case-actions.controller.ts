import { Body, Controller, Get, HttpCode, Inject, Param, Post, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
 * the clock, an extension is approved. Each is an update the case workflow accepts or refuses at once.
 */
@ApiTags('cases')
@Controller('cases/:caseId')
@UseFilters(CodedErrorFilter)
export class CaseActionsController {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  private handle(caseId: string) {
    return this.temporal.workflow.getHandle(caseId);
  }

  @Get()
  @ApiOperation({ summary: '办件当前状态：所处环节、承诺办结日期、计时中止记录、已办环节' })
  status(@Param() { caseId }: CaseIdParam): Promise<CaseStatus> {
    return withCaseRefusals(this.handle(caseId), (handle) => handle.query(caseStatusQuery));
  }

  @Post('correction-supplied')
  @HttpCode(202)
  @ApiOperation({ summary: '申请人已补正：计时恢复，退回的环节重新办理' })
  supplyCorrection(@Param() { caseId }: CaseIdParam, @Body() body: SupplyCorrectionDto) {
    return withCaseRefusals(this.handle(caseId), (handle) =>
      handle.executeUpdate(supplyCorrectionUpdate, { args: [body] }),
    );
  }

  @Post('withdrawal')
  @HttpCode(202)
  @ApiOperation({ summary: '申请人撤回申请（作出决定前）' })
  withdraw(@Param() { caseId }: CaseIdParam, @Body() body: WithdrawCaseDto) {
    return withCaseRefusals(this.handle(caseId), (handle) =>
      handle.executeUpdate(withdrawUpdate, {
        args: [{ requestedBy: body.handlerId, reason: body.reason }],
      }),
    );
  }

  @Post('suspension')
  @HttpCode(202)
  @ApiOperation({ summary: '启动特别程序（公示、入户调查、听证等），计时中止' })
  suspend(@Param() { caseId }: CaseIdParam, @Body() body: SuspendCaseDto) {
    return withCaseRefusals(this.handle(caseId), (handle) =>
      handle.executeUpdate(suspendUpdate, { args: [body] }),
    );
  }

  @Post('resumption')
  @HttpCode(202)
  @ApiOperation({ summary: '特别程序结束，计时恢复' })
  resume(@Param() { caseId }: CaseIdParam, @Body() body: ResumeCaseDto) {
    return withCaseRefusals(this.handle(caseId), (handle) =>
      handle.executeUpdate(resumeUpdate, { args: [body] }),
    );
  }

  @Post('extension')
  @HttpCode(202)
  @ApiOperation({ summary: '延长审批：批准延长办理时限' })
  extend(@Param() { caseId }: CaseIdParam, @Body() body: ExtendCaseDto) {
    return withCaseRefusals(this.handle(caseId), (handle) =>
      handle.executeUpdate(extendUpdate, { args: [body] }),
    );
  }
}
