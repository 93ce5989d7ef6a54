import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CalendarError } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CalendarChangeError, CalendarChangeErrorCode } from './calendar.errors';
import { calendarOf, loadedYears, loadYear } from './calendar-years';
import { LoadCalendarYearDto } from './dto/load-calendar-year.dto';
import { CalendarRecalculations } from './calendar-recalculations';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recalculations: CalendarRecalculations,
  ) {}

  @Get('years')
  @ApiOperation({ summary: '工作日历覆盖的年份：官方数据与管理员录入的年份' })
  async years() {
    const loaded = await loadedYears(this.dataSource);
    const calendar = calendarOf(loaded);
    return calendar.coveredYears().map((year) => {
      const entry = loaded.find((candidate) => candidate.year === year);
      return {
        year,
        source: calendar.sourceOf(year),
        loadedBy: entry?.loadedBy ?? null,
        loadedAt: entry?.loadedAt ?? null,
      };
    });
  }

  @Put('years/:year')
  @HttpCode(200)
  // The national arrangement is every county's: only the platform's system administrator keeps it.
  @Roles('system-admin')
  @ApiOperation({
    summary: '录入（或更正）某年的全国节假日安排（国务院办公厅通知发布后；仅平台系统管理员）',
    description:
      '放假日期与调休上班日期均须属于该年；录入后所有在办案件的期限随即在后台按此重算（进度见 GET /calendar/recalculations/{id}），期限变动的申请人收到短信。',
  })
  async load(
    @CurrentUser() user: AuthUser,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: LoadCalendarYearDto,
  ) {
    try {
      await loadYear(
        this.dataSource,
        { year, holidays: body.holidays, makeUpWorkdays: body.makeUpWorkdays, source: body.source },
        { name: user.name, id: user.id },
      );
    } catch (error) {
      if (error instanceof CalendarError) {
        throw new CalendarChangeError(CalendarChangeErrorCode.INVALID_SCHEDULE, error.message);
      }
      throw error;
    }
    const recalculation = await this.recalculations.start(
      {
        description: `${year}年全国节假日安排（${body.source.trim()}）`,
        changedAt: new Date().toISOString(),
      },
      undefined,
      { id: user.id, name: user.name },
    );
    return { year, loaded: true, recalculation };
  }
}
