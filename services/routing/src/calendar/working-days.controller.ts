import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@oneseal/auth';
import { formatIsoDate, parseIsoDate } from '@oneseal/domain';
import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { currentCalendar } from './calendar-years';
import { CountyParams } from './dto/county-day.dto';

export class WorkingDaysQuery {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from 应为日期，如 2026-12-07' })
  from!: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(31)
  count!: number;
}

/** The next working days of a county (days off and worked weekends included), for whoever books a visit. */
@ApiTags('calendar')
@Controller('calendar/counties/:county/working-days')
export class WorkingDaysController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      '本县从某日起的若干个工作日（含本县放假、调休上班；尚无官方安排的年份按周一至周五，标注 provisional）',
  })
  async list(@Param() { county }: CountyParams, @Query() { from, count }: WorkingDaysQuery) {
    const calendar = await currentCalendar(this.dataSource, county);
    const start = parseIsoDate(from);
    const days: { date: string; provisional: boolean }[] = [];
    // A month and a half holds 31 working days even around the Spring Festival.
    for (let day = start ?? 0; start !== undefined && days.length < count && day < start + 62; day += 1) {
      const date = formatIsoDate(day);
      if (calendar.isWorkingDay(date))
        days.push({ date, provisional: !calendar.hasOfficialData(Number(date.slice(0, 4))) });
    }
    return { days };
  }
}
