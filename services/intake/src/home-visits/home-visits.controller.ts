import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApplicantOnly,
  CurrentApplicant,
  CurrentUser,
  Roles,
  type Applicant,
  type AuthUser,
} from '@oneseal/auth';
import { APPLICANT_ACTOR } from '../online-filing/online-filing.service';
import {
  FinishHomeVisitDto,
  HomeVisitIdParam,
  RequestHomeVisitDto,
  ScheduleHomeVisitDto,
} from './home-visit.dto';
import { HomeVisitsService } from './home-visits.service';

/** 上门服务 / 上门代办 asked online by the applicant. */
@ApiTags('home visits')
@ApiBearerAuth()
@ApplicantOnly()
@Controller('applicant/home-visits')
export class ApplicantHomeVisitsController {
  constructor(private readonly visits: HomeVisitsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '申请上门服务或上门代办（行动不便时，由所在村便民服务站上门；短信告知上门日期）' })
  request(@CurrentApplicant() applicant: Applicant, @Body() request: RequestHomeVisitDto) {
    return this.visits.request(applicant.phone, request, APPLICANT_ACTOR);
  }

  @Get()
  @ApiOperation({ summary: '我的上门服务申请' })
  mine(@CurrentApplicant() applicant: Applicant) {
    return this.visits.mine(applicant.phone);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: '取消上门服务申请（上门前）' })
  cancel(@CurrentApplicant() applicant: Applicant, @Param() { id }: HomeVisitIdParam) {
    return this.visits.cancel(applicant.phone, id);
  }
}

/** The village station's (and its town window's) list of home visits, and what the agent does with each. */
@ApiTags('home visits')
@ApiBearerAuth()
@Roles('village-agent', 'town-window')
@Controller('home-visits')
export class HomeVisitsController {
  constructor(private readonly visits: HomeVisitsService) {}

  @Get()
  @ApiOperation({ summary: '本村（本镇）的上门服务申请，待上门的在前' })
  list(@CurrentUser() staff: AuthUser) {
    return this.visits.forStaff(staff);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @ApiOperation({ summary: '约定上门日期（短信告知申请人）' })
  schedule(
    @CurrentUser() agent: AuthUser,
    @Param() { id }: HomeVisitIdParam,
    @Body() body: ScheduleHomeVisitDto,
  ) {
    return this.visits.schedule(agent, id, body.visitOn);
  }

  @Post(':id/done')
  @HttpCode(200)
  @ApiOperation({ summary: '记录上门办理情况（及提交的办件编号）' })
  finish(
    @CurrentUser() agent: AuthUser,
    @Param() { id }: HomeVisitIdParam,
    @Body() body: FinishHomeVisitDto,
  ) {
    return this.visits.finish(agent, id, body);
  }
}
