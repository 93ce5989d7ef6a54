import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CaseFilters } from './case-filters';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One search for staff: anything a clerk knows of a case, within what their role and place let them see. */
export class CaseSearchQuery extends CaseFilters {
  @ApiPropertyOptional({ description: '在办件（未办结）', enum: ['true'] })
  @IsOptional()
  @IsIn(['true'])
  open?: 'true';

  @ApiPropertyOptional({ description: '事项编码', example: 'ZZ-T-002' })
  @IsOptional()
  @Matches(/^[A-Z]{2}-[TV]-\d{3}$/, { message: '事项编码格式不正确' })
  matterCode?: string;

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
