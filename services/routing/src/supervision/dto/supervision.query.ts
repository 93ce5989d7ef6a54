import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { CountyPeriodQuery } from '@oneseal/service-kit';
import { IsOptional, Matches } from 'class-validator';
import { CaseFilters } from '../../case-search/dto/case-filters';

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
