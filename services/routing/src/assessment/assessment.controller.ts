import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { AssessmentService, type AssessmentRanking, type AssessmentScheme } from './assessment.service';
import { CountyParamQuery, RankingQuery, SetSchemeDto } from './dto/assessment.dto';

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('assessment')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

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
}
