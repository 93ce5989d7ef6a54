import { MAX_SEQUENCE } from '@oneseal/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlaceQuery } from '@oneseal/service-kit';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class PlaceEventsQuery extends PlaceQuery {
  @ApiProperty({ description: '记录日期自（含），北京时间', example: '2026-12-01' })
  @Matches(DAY, { message: 'from 应为日期，如 2026-12-01' })
  @IsISO8601({ strict: true }, { message: 'from 不是有效日期' })
  from!: string;

  @ApiProperty({ description: '记录日期至（含），北京时间', example: '2026-12-31' })
  @Matches(DAY, { message: 'to 应为日期，如 2026-12-31' })
  @IsISO8601({ strict: true }, { message: 'to 不是有效日期' })
  to!: string;

  @ApiPropertyOptional({ description: '事件类型，如 approval.step-decided' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ description: '从此序号之后继续（上一页最后一条的 seq）', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SEQUENCE)
  after = 0;

  @ApiPropertyOptional({ description: '每页条数（最多 500）', default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 200;
}
