import { Trimmed } from '@oneseal/service-kit';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  RATING_CATEGORIES,
  SERVICE_SCORES,
  type RatingCategory,
  type ServiceScore,
} from '@oneseal/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The two things on the applicant's receipt. A POST body, so neither lands in a URL or an access log. */
export class ProgressLookupDto {
  @ApiProperty({ description: '办件编号（受理回执上）', example: '140525-20261202-000001' })
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { message: '办件编号格式应为：6 位县代码-8 位日期-6 位序号' })
  receiptNumber!: string;

  @ApiProperty({ description: '查询码（受理回执和受理短信上）', example: 'K7QM-3XPD-9RTA' })
  @IsString({ message: '请填写查询码' })
  @MaxLength(40, { message: '查询码不超过 40 个字符' })
  queryCode!: string;
}

export class RateServiceDto extends ProgressLookupDto {
  @ApiProperty({
    description: '评价：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意',
    enum: SERVICE_SCORES,
  })
  @IsIn(SERVICE_SCORES, { message: '评价应为 1 到 5 之间的整数（5 为非常满意）' })
  score!: ServiceScore;

  @ApiPropertyOptional({ description: '意见（不满意、非常不满意时必填），不超过 200 字' })
  @Trimmed()
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '意见不超过 200 字' })
  comment?: string;

  @ApiPropertyOptional({
    description: '差评的原因（可多选）：服务态度、办事效率、材料要求、办理流程、服务环境、网上办理、其他',
    enum: RATING_CATEGORIES,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RATING_CATEGORIES.length)
  @IsIn(RATING_CATEGORIES, { each: true, message: '不满意的方面请从列出的选项中选择' })
  categories?: RatingCategory[];
}

/** 好差评 from 我的办件: the signed-in number proves the case is the applicant's. */
export class RateMyCaseDto extends PickType(RateServiceDto, ['score', 'comment', 'categories'] as const) {}
