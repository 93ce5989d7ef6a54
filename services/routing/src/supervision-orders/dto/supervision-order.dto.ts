import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPERVISION_ORDER_KINDS, type SupervisionOrderKind } from '@oneseal/contracts';
import { PlaceQuery, Trimmed } from '@oneseal/service-kit';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class OrderSupervisionDto {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID('all', { message: '请选择要督办的办件' })
  caseId!: string;

  @ApiProperty({ enum: SUPERVISION_ORDER_KINDS, description: '督办（正式督办）或催办（提醒加快）' })
  @IsIn(SUPERVISION_ORDER_KINDS, { message: '请选择督办或催办' })
  kind!: SupervisionOrderKind;

  @ApiProperty({ description: '督办要求', example: '请于期限前办结并说明超期原因' })
  @Trimmed()
  @IsString()
  @MaxLength(500, { message: '督办要求最多 500 字' })
  @MinLength(4, { message: '督办要求至少写 4 个字' })
  @IsNotEmpty({ message: '请填写督办要求' })
  requirement!: string;

  @ApiProperty({ description: '答复期限（北京时间日期）', example: '2026-12-10' })
  @IsISO8601({ strict: true }, { message: '答复期限不是有效日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '请填写答复期限，如 2026-12-10' })
  answerBy!: string;
}

export class AnswerSupervisionDto {
  @ApiProperty({ description: '答复：采取的措施和办理结果' })
  @Trimmed()
  @IsString()
  @MaxLength(1000, { message: '答复最多 1000 字' })
  @MinLength(4, { message: '答复至少写 4 个字' })
  @IsNotEmpty({ message: '请填写答复内容' })
  answer!: string;
}

export class OrderIdParam {
  @IsUUID('all', { message: '督办编号不正确' })
  orderId!: string;
}

export class SupervisionOrdersQuery extends PlaceQuery {
  @ApiPropertyOptional({ description: '只看未答复的' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  open?: boolean;
}
