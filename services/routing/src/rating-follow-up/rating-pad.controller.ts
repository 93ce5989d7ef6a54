import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { PadRatingDto, PadRequestDto } from './dto/rating-follow-up.dto';
import { RatingPadService } from './rating-pad.service';

/** 评价器: the pad at a counter, signed in as its clerk, facing the applicant. */
@ApiTags('rating pad')
@ApiBearerAuth()
@Roles('town-window', 'village-agent')
@Controller('rating-pad')
export class RatingPadController {
  constructor(private readonly pad: RatingPadService) {}

  @Post('requests')
  @HttpCode(201)
  @ApiOperation({ summary: '请申请人评价：本人刚办理的受理或结果领取，推送到本窗口的评价器' })
  request(@CurrentUser() clerk: AuthUser, @Body() body: PadRequestDto) {
    return this.pad.request(clerk, body.caseId, body.serviceEvent);
  }

  @Get('request')
  @ApiOperation({ summary: '评价器当前等待评价的服务（15 分钟内有效；没有时为 null）' })
  async pending(@CurrentUser() clerk: AuthUser) {
    return { request: await this.pad.pending(clerk) };
  }

  @Post('ratings')
  @HttpCode(201)
  @ApiOperation({ summary: '申请人在评价器上评价（一次一评；差评选择原因）' })
  rate(@CurrentUser() clerk: AuthUser, @Body() body: PadRatingDto) {
    return this.pad.rate(clerk, body);
  }
}
