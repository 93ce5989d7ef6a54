import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { AnswerRatingDto, RatingCaseParam, RatingsQuery } from './dto/rating-follow-up.dto';
import { RatingFollowUpService } from './rating-follow-up.service';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/ratings')
export class RatingFollowUpController {
  constructor(private readonly ratings: RatingFollowUpService) {}

  @Get()
  @Roles('supervisor', 'auditor', 'admin', 'town-leader')
  @ApiOperation({ summary: '好差评：申请人的评价，未整改的差评在前' })
  list(@CurrentUser() user: AuthUser, @Query() query: RatingsQuery) {
    return this.ratings.list(user, { county: query.county, town: query.town }, query.unanswered);
  }

  @Post(':caseId/response')
  @HttpCode(200)
  @Roles('town-leader')
  @ApiOperation({ summary: '差评整改回复（本镇分管领导）：写明整改措施，留档可查' })
  answer(@CurrentUser() user: AuthUser, @Param() params: RatingCaseParam, @Body() body: AnswerRatingDto) {
    return this.ratings.answer(user, params.caseId, body.measures);
  }
}
