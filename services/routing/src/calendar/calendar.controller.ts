import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CalendarError } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CalendarYearError } from './calendar.errors';
import { currentCalendar, loadedYears, loadYear } from './calendar-years';
import { LoadCalendarYearDto } from './dto/load-calendar-year.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('years')
  @ApiOperation({ summary: '工作日历覆盖的年份：官方数据与管理员录入的年份' })
  async years() {
    const calendar = await currentCalendar(this.dataSource);
    const loaded = await loadedYears(this.dataSource);
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
      '放假日期与调休上班日期均须属于该年；录入后新计算的期限即按此执行，已计算的期限在下次重算时更新。',
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
        `${user.name}（${user.id}）`,
      );
    } catch (error) {
      if (error instanceof CalendarError) throw new CalendarYearError(error.message);
      throw error;
    }
    return { year, loaded: true };
  }
}
