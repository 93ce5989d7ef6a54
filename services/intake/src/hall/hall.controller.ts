import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, CurrentUser, Public, Roles, type AuthUser } from '@oneseal/auth';
import { personActor } from '@oneseal/contracts';
import { chinaDate } from '@oneseal/domain';
import { CountyPeriodQuery, isReportablePeriod } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';
import { TownParam } from '../service-centers/service-center.dto';
import { AppointmentsService } from './appointments.service';
import {
  AgentBookingDto,
  AppointmentIdParam,
  CallNextDto,
  HallSettingsDto,
  SlotsQuery,
  TakeTicketDto,
  TicketIdParam,
} from './dto/hall.dto';
import { HallError, HallErrorCode } from './hall.errors';
import { HallSettingsService } from './hall-settings.service';
import { hallWaiting } from './hall-waiting';
import { QueueService } from './queue.service';

/** A town center's hall: its appointment settings and slots, the numbers taken and called, and its display. */
@ApiTags('service hall')
@Controller('hall')
export class HallController {
  constructor(
    private readonly settings: HallSettingsService,
    private readonly appointments: AppointmentsService,
    private readonly queue: QueueService,
  ) {}

  @Public()
  @Get(':town/settings')
  @ApiOperation({ summary: '中心的窗口（办理的业务类别）和预约时段、每时段人数、可提前预约的工作日数' })
  settingsOf(@Param() { town }: TownParam) {
    return this.settings.of(town);
  }

  @Put(':town/settings')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '设置中心的窗口和预约时段（仅本县管理员）' })
  setSettings(
    @CurrentUser() admin: AuthUser,
    @Param() { town }: TownParam,
    @Body() settings: HallSettingsDto,
  ) {
    return this.settings.set(admin, town, settings);
  }

  @Public()
  @Get(':town/slots')
  @ApiOperation({
    summary:
      '可预约的工作日和时段，及每个时段的剩余名额（按办理该事项业务的窗口计；节假日、本县放假日不开放）',
  })
  slots(@Param() { town }: TownParam, @Query() { matterCode }: SlotsQuery) {
    return this.appointments.bookable(town, matterCode);
  }

  @Public()
  @Get(':town/board')
  @ApiOperation({ summary: '大厅显示屏：最近叫号、各窗口正在办理的号、各类业务等候人数（不显示姓名）' })
  board(@Param() { town }: TownParam) {
    return this.queue.board(town);
  }

  @Post(':town/tickets')
  @HttpCode(201)
  @Roles('town-window')
  @ApiBearerAuth()
  @ApiOperation({ summary: '取号：按业务类别；已预约的凭预约手机号码取预约号（取号机以本中心窗口账号登录）' })
  take(@CurrentUser() staff: AuthUser, @Param() { town }: TownParam, @Body() request: TakeTicketDto) {
    return this.queue.take(staff, town, request);
  }

  @Post(':town/calls')
  @HttpCode(200)
  @Roles('town-window')
  @ApiBearerAuth()
  @ApiOperation({ summary: '叫号：本窗口叫下一位（已到预约时段的预约号优先），上一位办结' })
  async call(
    @CurrentUser() staff: AuthUser,
    @Param() { town }: TownParam,
    @Body() { windowNumber }: CallNextDto,
  ) {
    return { called: await this.queue.callNext(staff, town, windowNumber) };
  }

  @Post('tickets/:ticketId/skip')
  @HttpCode(204)
  @Roles('town-window')
  @ApiBearerAuth()
  @ApiOperation({ summary: '过号：叫到的号未到窗口' })
  skip(@CurrentUser() staff: AuthUser, @Param() { ticketId }: TicketIdParam) {
    return this.queue.skip(staff, ticketId);
  }

  @Post('appointments')
  @HttpCode(201)
  @Roles('village-agent')
  @ApiBearerAuth()
  @ApiOperation({ summary: '代为预约（帮办代办员为本村群众预约本镇中心的时段，短信发至群众手机）' })
  bookFor(@CurrentUser() agent: AuthUser, @Body() visit: AgentBookingDto) {
    assertReachesPlace(agent, { county: agent.county, town: visit.town });
    return this.appointments.book(visit, {
      phone: visit.applicantPhone,
      id: agent.id,
      name: agent.name,
      actor: personActor(agent),
    });
  }

  @Post('appointments/:id/cancellation')
  @HttpCode(200)
  @Roles('village-agent')
  @ApiBearerAuth()
  @ApiOperation({ summary: '取消本人代为预约的时段' })
  cancelFor(@CurrentUser() agent: AuthUser, @Param() { id }: AppointmentIdParam) {
    return this.appointments.cancel(id, { bookedBy: agent.id }, personActor(agent));
  }
}

/** 大厅排队 in supervision: waiting and appointments per town over a period. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/hall-waiting')
export class HallWaitingController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({
    summary: '各乡镇大厅排队：取号、叫号、过号、平均和 90% 等候分钟数，预约、到号、取消、爽约',
  })
  waiting(@CurrentUser() user: AuthUser, @Query() query: CountyPeriodQuery) {
    assertReachesPlace(user, query);
    if (!isReportablePeriod(query)) throw new HallError(HallErrorCode.PERIOD_INVALID);
    return hallWaiting(this.dataSource, query, chinaDate(new Date()));
  }
}
