import { MAX_PAGE_NUMBER } from '@oneseal/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATTER_TYPES, type MatterTypeName } from '@oneseal/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListMattersQuery {
  @ApiPropertyOptional({
    description: '办理层级：town 乡镇便民服务中心，village 村（社区）便民服务站',
    enum: ['town', 'village'],
  })
  @IsOptional()
  @IsIn(['town', 'village'])
  level?: 'town' | 'village';

  @ApiPropertyOptional({ description: '事项类型', enum: Object.keys(MATTER_TYPES) })
  @IsOptional()
  @IsIn(Object.keys(MATTER_TYPES))
  type?: MatterTypeName;

  @ApiPropertyOptional({ description: '县级行政区划代码（6 位）', example: '140525' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  county?: string;

  @ApiPropertyOptional({ description: '乡镇代码（9 位）：列出该乡镇可办的事项', example: '140525100' })
  @IsOptional()
  @Matches(/^\d{9}$/)
  town?: string;

  @ApiPropertyOptional({ description: '主管的县直部门（单位代码）：列出该部门的事项', example: '140525-mz' })
  @IsOptional()
  @Matches(/^\d{6}-[a-z]+$/, { message: 'unit 应为县直部门单位代码，如 140525-mz' })
  unit?: string;

  @ApiPropertyOptional({ description: '按事项名称查找（中文）', example: '救助' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

export class CountyParam {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;
}
