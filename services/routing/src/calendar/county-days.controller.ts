import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CalendarError } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CalendarChangeError, CalendarChangeErrorCode } from './calendar.errors';
import { countyDays, nationalCalendar, removeCountyDay, setCountyDay } from './calendar-years';
import { CountyDayParams, CountyParams, SetCountyDayDto } from './dto/county-day.dto';
import { CalendarRecalculations, type Recalculation } from './calendar-recalculations';

const dayText = (date: string, working: boolean) => `${date} ${working ? '上班' : '放假'}`;

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/counties/:county/days')
export class CountyDaysController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recalculations: CalendarRecalculations,
  ) {}

  @Get()
  @ApiOperation({
    summary: '本县对全国工作日历的调整（本县放假、本县调休上班），及每一天现在是否仍然适用',
  })
  async list(@CurrentUser() user: AuthUser, @Param() { county }: CountyParams) {
    this.ownCounty(user, county);
    const national = await nationalCalendar(this.dataSource);
    return (await countyDays(this.dataSource, county)).map((day) => {
      const problem = national.countyDayProblem(day);
      return { ...day, applies: !problem, ...(problem ? { problem } : {}) };
    });
  }

  @Put(':date')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: '设定本县的一天：工作日放假，或周末调休上班（仅本县管理员；本县在办案件的期限随即在后台重算）',
    description: '法定节假日和国务院公布的放假安排之内的日子不能调整为上班。',
  })
  async set(
    @CurrentUser() user: AuthUser,
    @Param() { county, date }: CountyDayParams,
    @Body() body: SetCountyDayDto,
  ): Promise<{ date: string; working: boolean; recalculation: Recalculation }> {
    this.ownCounty(user, county);
    try {
      await setCountyDay(
        this.dataSource,
        county,
        { date, working: body.working, reason: body.reason },
        { name: user.name, id: user.id },
      );
    } catch (error) {
      if (error instanceof CalendarError) {
        throw new CalendarChangeError(CalendarChangeErrorCode.INVALID_COUNTY_DAY, error.message);
      }
      throw error;
    }
    const recalculation = await this.recalculate(
      user,
      county,
      `本县工作日调整：${dayText(date, body.working)}（${body.reason.trim()}）`,
    );
    return { date, working: body.working, recalculation };
  }

  @Delete(':date')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '撤销本县对某一天的调整（本县在办案件的期限随即在后台重算）' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param() { county, date }: CountyDayParams,
  ): Promise<{ date: string; removed: true; recalculation: Recalculation }> {
    this.ownCounty(user, county);
    const removed = await removeCountyDay(this.dataSource, county, date);
    if (!removed) throw new CalendarChangeError(CalendarChangeErrorCode.DAY_NOT_SET);
    const recalculation = await this.recalculate(
      user,
      county,
      `本县撤销工作日调整：${dayText(date, removed.working)}（${removed.reason}）`,
    );
    return { date, removed: true, recalculation };
  }

  private ownCounty(user: AuthUser, county: string): void {
    if (user.county !== county) throw new CalendarChangeError(CalendarChangeErrorCode.OTHER_COUNTY);
  }

  private recalculate(user: AuthUser, county: string, description: string): Promise<Recalculation> {
    return this.recalculations.start({ description, changedAt: new Date().toISOString() }, county, {
      id: user.id,
      name: user.name,
    });
  }
}
