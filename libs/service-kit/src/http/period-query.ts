import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A county's figures over a period of days, as reports ask for them (dates in Beijing time, both included). */
export class CountyPeriodQuery {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;

  @ApiProperty({ description: '统计开始日期（含），北京时间', example: '2026-11-01' })
  @Matches(DAY, { message: 'from 应为日期，如 2026-11-01' })
  @IsISO8601({ strict: true }, { message: 'from 不是有效日期' })
  from!: string;

  @ApiProperty({ description: '统计结束日期（含），北京时间', example: '2026-11-30' })
  @Matches(DAY, { message: 'to 应为日期，如 2026-11-30' })
  @IsISO8601({ strict: true }, { message: 'to 不是有效日期' })
  to!: string;
}

/** A period a report may cover: it starts no later than it ends, and spans at most a year. */
export function isReportablePeriod({ from, to }: { from: string; to: string }): boolean {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return days >= 0 && days < 366;
}
