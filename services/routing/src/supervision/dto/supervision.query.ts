import { PageQuery } from '@oneseal/service-kit';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

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
