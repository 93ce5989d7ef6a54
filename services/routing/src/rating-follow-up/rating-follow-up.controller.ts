import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDate } from '@oneseal/domain';
import { isReportablePeriod } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { SupervisionError, SupervisionErrorCode } from '../supervision/supervision.errors';
import {
  AnswerRatingDto,
  RatingCaseParam,
  RatingEventQuery,
  RatingsQuery,
  RatingStatsQuery,
  RevisitDto,
} from './dto/rating-follow-up.dto';
import { RatingFollowUpService } from './rating-follow-up.service';
import { ratingStats, type RatingStats } from './rating-stats';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/ratings')
export class RatingFollowUpController {
  constructor(
    private readonly ratings: RatingFollowUpService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles('supervisor', 'auditor', 'admin', 'town-leader')
  @ApiOperation({ summary: '好差评：申请人的评价，未整改的差评在前' })
  list(@CurrentUser() user: AuthUser, @Query() query: RatingsQuery) {
    return this.ratings.list(user, { county: query.county, town: query.town }, query.unanswered);
  }

  @Get('stats')
  @Roles('supervisor', 'auditor', 'admin', 'town-leader')
  @ApiOperation({
    summary:
      '好差评统计：按乡镇、事项、服务人员的评价数、好评率、差评数、整改率、回访率、整改超期（期间内评价）',
  })
  stats(@CurrentUser() user: AuthUser, @Query() query: RatingStatsQuery): Promise<RatingStats> {
    assertReachesPlace(user, query);
    if (!isReportablePeriod(query)) throw new SupervisionError(SupervisionErrorCode.PERIOD_INVALID);
    return ratingStats(this.dataSource, query, chinaDate(new Date()));
  }

  @Post(':caseId/response')
  @HttpCode(200)
  @Roles('town-leader')
  @ApiOperation({ summary: '差评整改回复（本镇分管领导）：写明整改措施，申请人短信获知，留档可查' })
  answer(
    @CurrentUser() user: AuthUser,
    @Param() params: RatingCaseParam,
    @Query() { serviceEvent }: RatingEventQuery,
    @Body() body: AnswerRatingDto,
  ) {
    return this.ratings.answer(user, params.caseId, serviceEvent, body.measures);
  }

  @Post(':caseId/revisit')
  @HttpCode(200)
  @Roles('town-leader', 'town-window')
  @ApiOperation({
    summary: '差评回访（整改回复后）：回访方式、申请人整改后的评价、回访情况，记入办件审计记录',
  })
  revisit(
    @CurrentUser() user: AuthUser,
    @Param() params: RatingCaseParam,
    @Query() { serviceEvent }: RatingEventQuery,
    @Body() body: RevisitDto,
  ) {
    return this.ratings.revisit(user, params.caseId, serviceEvent, body);
  }
}
