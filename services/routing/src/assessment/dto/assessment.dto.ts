import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSESSMENT_INDICATOR_KEYS, type AssessmentIndicator } from '@oneseal/domain';
import { Trimmed } from '@oneseal/service-kit';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ASSESSMENT_PERIODS, type AssessmentPeriodKind } from '../assessment-period';

export class CountyParamQuery {
  @ApiProperty({ example: '140525' })
  @Matches(/^\d{6}$/, { message: 'county 应为 6 位县级行政区划代码' })
  county!: string;
}

export class WeightedIndicatorDto {
  @ApiProperty({ enum: ASSESSMENT_INDICATOR_KEYS })
  @IsIn(ASSESSMENT_INDICATOR_KEYS, { message: '考核指标不正确' })
  indicator!: AssessmentIndicator;

  @ApiProperty({ description: '分值（合计 100）' })
  @IsInt({ message: '分值应为整数' })
  weight!: number;

  @ApiPropertyOptional({ description: '超期件数：每件扣分' })
  @IsOptional()
  @IsNumber({}, { message: '每件扣分应为数字' })
  perCase?: number;
}

export class SetSchemeDto {
  @ApiProperty({ type: [WeightedIndicatorDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => WeightedIndicatorDto)
  indicators!: WeightedIndicatorDto[];

  @ApiProperty({ description: '调整依据', example: '县审改办 2027 年考核办法' })
  @Trimmed()
  @IsString()
  @MaxLength(200)
  @IsNotEmpty({ message: '请写明调整考核方案的依据' })
  reason!: string;

  @ApiProperty({ description: '在哪个版本上修改（防止覆盖他人的修改；首次设置为 0）' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expectedVersion!: number;
}

export class RankingQuery extends CountyParamQuery {
  @ApiProperty({ enum: ASSESSMENT_PERIODS })
  @IsIn(ASSESSMENT_PERIODS, { message: '请选择按月、季度或年度' })
  period!: AssessmentPeriodKind;

  @ApiProperty({ description: '哪一期：2026-12、2026-Q4 或 2026', example: '2026-12' })
  @IsString()
  @MaxLength(7)
  of!: string;
}

/** 印发通报: the period whose ranking the 通报 states (RankingQuery's fields, in the body). */
export class IssueBulletinDto extends RankingQuery {}
