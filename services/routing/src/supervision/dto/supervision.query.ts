import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { CountyPeriodQuery, PlaceQuery } from '@oneseal/service-kit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CaseFilters } from '../../case-search/dto/case-filters';
import { TREND_GRAINS, type TrendGrain } from '../trend';

export { SUPERVISED_STAGES } from '../../case-search/dto/case-filters';

/** 电子监察's case list: a county's cases (a town's for its leader), narrowed as any case list is. */
export class SupervisionQuery extends CaseFilters {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;

  @ApiPropertyOptional({ description: '办件编号', example: '140525-20261202-000001' })
  @IsOptional()
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { message: '办件编号格式应为：6 位县代码-8 位日期-6 位序号' })
  receiptNumber?: string;
}

export class SupervisionSummaryQuery {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;
}

/** 各乡镇期间报告: the county's towns over a period. */
export class TownReportQuery extends CountyPeriodQuery {}

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** 导出期间报告: as a workbook to sum and sort, or as a PDF to file and send on. */
export class ExportReportQuery extends TownReportQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'xlsx', description: 'xlsx（Excel）或 pdf' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: '导出格式只能是 xlsx 或 pdf' })
  format: ReportFormat = 'xlsx';
}

/** 趋势: the last weeks or months of a county (or a town). */
export class TrendQuery extends PlaceQuery {
  @ApiPropertyOptional({ enum: TREND_GRAINS, default: 'week', description: '按周或按月' })
  @IsOptional()
  @IsIn(TREND_GRAINS, { message: '请选择按周或按月' })
  by: TrendGrain = 'week';

  @ApiPropertyOptional({ default: 12, description: '期数（2–24）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(24, { message: '一次最多看 24 期' })
  periods = 12;
}
