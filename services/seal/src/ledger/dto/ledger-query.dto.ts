import { MAX_SEQUENCE } from '@oneseal/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class LedgerQuery {
  @ApiProperty({
    description: '发文机关：乡镇代码（9 位），或县直部门代码（县代码-简称，如 140525-mz）',
    example: '140525100',
  })
  @Matches(/^(\d{9}|\d{6}-[a-z][a-z0-9]{0,15})$/, {
    message: '请填写 9 位乡镇代码，或县直部门代码（如 140525-mz）',
  })
  town!: string;

  @ApiPropertyOptional({ description: '只看一个办件' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: ['stamped', 'refused'], description: 'stamped 用印，refused 被拒绝的用印' })
  @IsOptional()
  @IsIn(['stamped', 'refused'])
  entry?: 'stamped' | 'refused';

  @ApiPropertyOptional({ description: '从这条登记之后开始（翻页）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SEQUENCE)
  after?: number;

  @ApiPropertyOptional({ description: '最多返回多少条（默认 100）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
