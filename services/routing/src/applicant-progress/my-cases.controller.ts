import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicantOnly, CurrentApplicant, type Applicant } from '@oneseal/auth';
import { CaseIdParam } from '../case-commands/dto/case-commands.dto';
import { RateMyCaseDto } from './dto/progress.dto';
import { MyCasesService } from './my-cases.service';

/** 我的办件, for an applicant signed in to 网上办事 with their mobile number. */
@ApiTags('applicant progress')
@ApiBearerAuth()
@ApplicantOnly()
@Controller('applicant/cases')
export class MyCasesController {
  constructor(private readonly cases: MyCasesService) {}

  @Get()
  @ApiOperation({ summary: '我的办件：以本人手机号码申请的全部办件，新近的在前' })
  list(@CurrentApplicant() applicant: Applicant) {
    return this.cases.list(applicant);
  }

  @Get(':caseId')
  @ApiOperation({ summary: '我的办件详情：所处环节、承诺办结日期、补正要求、办理结果和文书' })
  one(@CurrentApplicant() applicant: Applicant, @Param() { caseId }: CaseIdParam) {
    return this.cases.one(applicant, caseId);
  }

  @Post(':caseId/correction-supplied')
  @HttpCode(202)
  @ApiOperation({
    summary: '网上补正：补正告知书要求的材料都已上传后提交，计时恢复，退回的环节重新办理',
  })
  supplyCorrection(
    @CurrentApplicant() applicant: Applicant,
    @Headers('authorization') authorization: string,
    @Param() { caseId }: CaseIdParam,
  ) {
    return this.cases.supplyCorrection(applicant, authorization, caseId);
  }

  @Post(':caseId/rating')
  @HttpCode(201)
  @ApiOperation({ summary: '好差评：办结后评价一次；不满意须说明原因，整改答复在此可见' })
  rate(
    @CurrentApplicant() applicant: Applicant,
    @Param() { caseId }: CaseIdParam,
    @Body() rating: RateMyCaseDto,
  ) {
    return this.cases.rate(applicant, caseId, rating);
  }
}
