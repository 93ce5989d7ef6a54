import { Body, Controller, Get, Headers, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { AssessmentService, type AssessmentRanking, type AssessmentScheme } from './assessment.service';
import { AssessmentBulletinsService, type AssessmentBulletin } from './assessment-bulletins.service';
import { CountyParamQuery, IssueBulletinDto, RankingQuery, SetSchemeDto } from './dto/assessment.dto';

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('assessment')
export class AssessmentController {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly bulletins: AssessmentBulletinsService,
  ) {}

  @Get('scheme')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({ summary: '本县乡镇考核方案：指标和分值（未设置时为默认方案）' })
  scheme(@CurrentUser() user: AuthUser, @Query() { county }: CountyParamQuery): Promise<AssessmentScheme> {
    return this.assessment.scheme(user, county);
  }

  @Put('scheme')
  @Roles('admin')
  @ApiOperation({ summary: '调整考核方案（县行政审批服务管理局管理员）：各项分值合计 100，写明依据' })
  setScheme(
    @CurrentUser() user: AuthUser,
    @Query() { county }: CountyParamQuery,
    @Body() dto: SetSchemeDto,
  ): Promise<AssessmentScheme> {
    return this.assessment.setScheme(user, county, dto);
  }

  @Get('ranking')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({ summary: '各乡镇考核得分与排名：按月、季度或年度' })
  ranking(@CurrentUser() user: AuthUser, @Query() query: RankingQuery): Promise<AssessmentRanking> {
    return this.assessment.ranking(user, query.county, query.period, query.of);
  }

  @Get('bulletins')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({ summary: '本县已印发的考核通报（文号、印发时间，公开的 PDF）' })
  issuedBulletins(
    @CurrentUser() user: AuthUser,
    @Query() { county }: CountyParamQuery,
  ): Promise<AssessmentBulletin[]> {
    return this.bulletins.issued(user, county);
  }

  @Post('bulletins')
  @Roles('admin')
  @ApiOperation({
    summary: '印发考核通报（期满后）：加盖县行政审批服务管理局印章并向社会公开；同一期只印发一次',
  })
  issueBulletin(
    @CurrentUser() user: AuthUser,
    @Headers('authorization') authorization: string,
    @Body() request: IssueBulletinDto,
  ): Promise<AssessmentBulletin & { created: boolean }> {
    return this.bulletins.issue(user, authorization, request);
  }
}
