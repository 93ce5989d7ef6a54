import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, Trimmed } from '@oneseal/service-kit';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const SUPERVISED_STAGES = [
  'routed',
  'in-progress',
  'awaiting-correction',
  'suspended',
  'concluded',
  'delivered',
  'refused',
] as const;

/**
 * What every list of cases can be narrowed by, read the same way by staff search and by 电子监察: the words typed
 * in the search box (see whatWasTyped), the town, the status and the warning.
 */
export class CaseFilters extends PageQuery {
  @ApiPropertyOptional({
    description:
      '办件编号（或末几位）、申请人姓名、公民身份号码（或后 4 至 6 位）、手机号码（或尾号 4 位）、事项名称',
    example: '王秀英',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: '乡镇代码（9 位）' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town?: string;

  @ApiPropertyOptional({ description: '办件状态', enum: SUPERVISED_STAGES })
  @IsOptional()
  @IsIn(SUPERVISED_STAGES)
  stage?: (typeof SUPERVISED_STAGES)[number];

  @ApiPropertyOptional({ description: '预警等级', enum: ['yellow', 'red', 'statutory'] })
  @IsOptional()
  @IsIn(['yellow', 'red', 'statutory'])
  warning?: 'yellow' | 'red' | 'statutory';
}
