import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CountyParam } from '../catalogue/dto/list-matters.query';

export const REVIEW_DECISIONS = ['confirmed', 'objection'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export class ReviewRouteRuleDto extends CountyParam {
  @ApiProperty({ description: '规则的键（如 town:乡级负责受理）', example: 'town:乡级负责受理' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  key!: string;

  @ApiProperty({
    enum: REVIEW_DECISIONS,
    description: 'confirmed：本县确认；objection：本县有异议（须写明）',
  })
  @IsIn(REVIEW_DECISIONS, { message: '审核意见只能是“确认”或“有异议”' })
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: '意见；有异议时必填，写明哪一步、为什么' })
  @ValidateIf((review: ReviewRouteRuleDto) => review.decision === 'objection' || review.note !== undefined)
  @IsString()
  @IsNotEmpty({ message: '有异议时请写明哪一步不符合本县做法、为什么' })
  @MaxLength(500)
  note?: string;
}
