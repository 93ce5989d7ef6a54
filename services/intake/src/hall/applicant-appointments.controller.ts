import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicantOnly, CurrentApplicant, type Applicant } from '@oneseal/auth';
import { APPLICANT_ACTOR } from '../online-filing/online-filing.service';
import { AppointmentsService } from './appointments.service';
import { AppointmentIdParam, BookVisitDto } from './dto/hall.dto';

/** 网上预约 for an applicant signed in with their mobile number: the SMS confirmation and reminder go to it. */
@ApiTags('service hall')
@ApiBearerAuth()
@ApplicantOnly()
@Controller('applicant/appointments')
export class ApplicantAppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '预约到便民服务中心办事的时段（每人每中心每天一次）' })
  book(@CurrentApplicant() applicant: Applicant, @Body() visit: BookVisitDto) {
    return this.appointments.book(visit, {
      phone: applicant.phone,
      id: APPLICANT_ACTOR.id,
      name: null,
      actor: APPLICANT_ACTOR,
    });
  }

  @Get()
  @ApiOperation({ summary: '我的预约：今天及以后的，和近 30 天的' })
  mine(@CurrentApplicant() applicant: Applicant) {
    return this.appointments.mine(applicant.phone);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: '取消预约（时段开始前）' })
  cancel(@CurrentApplicant() applicant: Applicant, @Param() { id }: AppointmentIdParam) {
    return this.appointments.cancel(id, { phone: applicant.phone }, APPLICANT_ACTOR);
  }
}
