import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlaceQuery, Trimmed } from '@oneseal/service-kit';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

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
