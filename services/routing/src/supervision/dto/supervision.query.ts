import { PageQuery, Trimmed } from '@oneseal/service-kit';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const SUPERVISED_STAGES = [
  'routed',
  'in-progress',
  'awaiting-correction',
  'suspended',
  'concluded',
  'delivered',
  'refused',
] as const;

export class SupervisionQuery extends PageQuery {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;

  @ApiPropertyOptional({ description: '乡镇代码（9 位）' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town?: string;

  @ApiPropertyOptional({ description: '预警等级', enum: ['yellow', 'red', 'statutory'] })
  @IsOptional()
  @IsIn(['yellow', 'red', 'statutory'])
  warning?: 'yellow' | 'red' | 'statutory';

  @ApiPropertyOptional({ description: '办件编号', example: '140525-20261202-000001' })
  @IsOptional()
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { message: '办件编号格式应为：6 位县代码-8 位日期-6 位序号' })
  receiptNumber?: string;

  @ApiPropertyOptional({
    description: '办件编号（或末几位）、申请人姓名、公民身份号码（或后 4 至 6 位）、手机号码、事项名称',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: '办件状态', enum: SUPERVISED_STAGES })
  @IsOptional()
  @IsIn(SUPERVISED_STAGES)
  stage?: (typeof SUPERVISED_STAGES)[number];
}

export class SupervisionSummaryQuery {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class TownReportQuery extends SupervisionSummaryQuery {
  @ApiProperty({ description: '统计开始日期（含），北京时间', example: '2026-11-01' })
  @Matches(DAY, { message: 'from 应为日期，如 2026-11-01' })
  @IsISO8601({ strict: true }, { message: 'from 不是有效日期' })
  from!: string;

  @ApiProperty({ description: '统计结束日期（含），北京时间', example: '2026-11-30' })
  @Matches(DAY, { message: 'to 应为日期，如 2026-11-30' })
  @IsISO8601({ strict: true }, { message: 'to 不是有效日期' })
  to!: string;
}
