import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, Trimmed } from '@oneseal/service-kit';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SUPERVISED_STAGES } from '../../supervision/dto/supervision.query';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One search for staff: anything a clerk knows of a case, within what their role and place let them see. */
export class CaseSearchQuery extends PageQuery {
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

  @ApiPropertyOptional({ description: '办件状态', enum: SUPERVISED_STAGES })
  @IsOptional()
  @IsIn(SUPERVISED_STAGES)
  stage?: (typeof SUPERVISED_STAGES)[number];

  @ApiPropertyOptional({ description: '在办件（未办结）', enum: ['true'] })
  @IsOptional()
  @IsIn(['true'])
  open?: 'true';

  @ApiPropertyOptional({ description: '预警等级', enum: ['yellow', 'red', 'statutory'] })
  @IsOptional()
  @IsIn(['yellow', 'red', 'statutory'])
  warning?: 'yellow' | 'red' | 'statutory';

  @ApiPropertyOptional({ description: '事项编码', example: 'ZZ-T-002' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[TV]-\d{3}$/, { message: '事项编码格式不正确' })
  matterCode?: string;

  @ApiPropertyOptional({ description: '乡镇代码（9 位）' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town?: string;

  @ApiPropertyOptional({ description: '提交日期自（北京时间）', example: '2026-12-01' })
  @IsOptional()
  @Matches(DAY, { message: 'from 应为日期，如 2026-12-01' })
  @IsISO8601({ strict: true }, { message: 'from 不是有效日期' })
  from?: string;

  @ApiPropertyOptional({ description: '提交日期至（北京时间）', example: '2026-12-31' })
  @IsOptional()
  @Matches(DAY, { message: 'to 应为日期，如 2026-12-31' })
  @IsISO8601({ strict: true }, { message: 'to 不是有效日期' })
  to?: string;
}
