import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RATING_CATEGORIES,
  REVISIT_METHODS,
  SERVICE_EVENTS,
  SERVICE_SCORES,
  type RatingCategory,
  type RevisitMethod,
  type ServiceEvent,
  type ServiceScore,
} from '@oneseal/contracts';
import { CountyPeriodQuery, PlaceQuery, Trimmed } from '@oneseal/service-kit';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

export class RatingsQuery extends PlaceQuery {
  @ApiPropertyOptional({ description: '只列出尚未整改回复的差评', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  @IsBoolean()
  unanswered = false;
}

export class RatingCaseParam {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;
}

export class AnswerRatingDto {
  @ApiProperty({
    description: '整改措施及回复（不超过 500 字）',
    example: '已增设一个综合窗口，高峰时段弹性排班',
  })
  @IsString()
  @Trimmed()
  @IsNotEmpty({ message: '请填写整改措施' })
  @MaxLength(500)
  measures!: string;
}

export class RatingEventQuery {
  @ApiPropertyOptional({
    description: '评价的服务：case 办件评价（默认）、acceptance 窗口受理、delivery 结果领取',
    enum: SERVICE_EVENTS,
    default: 'case',
  })
  @IsOptional()
  @IsIn(SERVICE_EVENTS)
  serviceEvent: ServiceEvent = 'case';
}

export class RevisitDto {
  @ApiProperty({ description: '回访方式：phone 电话、visit 上门、sms 短信', enum: REVISIT_METHODS })
  @IsIn(REVISIT_METHODS, { message: '请选择回访方式（电话、上门或短信）' })
  method!: RevisitMethod;

  @ApiProperty({ description: '整改后申请人的评价（5 非常满意 … 1 非常不满意）', enum: SERVICE_SCORES })
  @IsIn(SERVICE_SCORES, { message: '请选择申请人整改后的评价' })
  scoreAfter!: ServiceScore;

  @ApiPropertyOptional({ description: '回访情况（不超过 300 字）' })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class RatingStatsQuery extends CountyPeriodQuery {
  @ApiPropertyOptional({ description: '乡镇代码（9 位）；不填为全县', example: '140525100' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town?: string;
}

export class PadRequestDto {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({
    description: '刚办理的服务：acceptance 窗口受理、delivery 结果领取',
    enum: ['acceptance', 'delivery'],
  })
  @IsIn(['acceptance', 'delivery'], { message: '只能请申请人评价窗口受理或结果领取' })
  serviceEvent!: 'acceptance' | 'delivery';
}

export class PadRatingDto {
  @ApiProperty({ description: '评价器所显示的办件（须与当前待评价的服务一致）' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ description: '评价器所显示的服务', enum: ['acceptance', 'delivery'] })
  @IsIn(['acceptance', 'delivery'])
  serviceEvent!: 'acceptance' | 'delivery';

  @ApiProperty({ description: '评价：5 非常满意 … 1 非常不满意', enum: SERVICE_SCORES })
  @IsIn(SERVICE_SCORES, { message: '请选择评价' })
  score!: ServiceScore;

  @ApiPropertyOptional({ description: '差评的原因（可多选）', enum: RATING_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RATING_CATEGORIES.length)
  @IsIn(RATING_CATEGORIES, { each: true })
  categories?: RatingCategory[];

  @ApiPropertyOptional({ description: '意见（不超过 200 字）' })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  comment?: string;
}
