import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_METHODS, type DeliveryMethod, type DeliveryRecord } from '@oneseal/contracts';
import { Trimmed } from '@oneseal/service-kit';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const OUTCOMES = ['approve', 'return', 'reject', 'request-correction'] as const;

export class TaskIdParam {
  @ApiProperty({ description: '待办 ID' })
  @IsUUID()
  taskId!: string;
}

/** 送达: what the 送达回证 records. */
export class DeliveryRecordDto implements DeliveryRecord {
  @ApiProperty({ description: '送达方式', enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS, { message: '送达方式应为窗口领取、邮寄送达或电子送达' })
  method!: DeliveryMethod;

  @ApiProperty({ description: '签收人（申请人本人或其委托的人）', example: '张三' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写签收人' })
  @MaxLength(50)
  recipient!: string;

  @ApiProperty({ description: '送达日期', example: '2026-12-10' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '送达日期应为日期，如 2026-12-10' })
  @IsISO8601({ strict: true }, { message: '送达日期不是有效日期' })
  deliveredOn!: string;
}

export class DecideTaskDto {
  @ApiProperty({
    description:
      '办理结果，每个环节只能选本环节的结果（见待办的 outcomes）：受理环节 approve 受理、reject 不予受理、request-correction 一次性告知补正；审核类环节 approve 通过（拟同意）、return 退回、reject 拟不予（供决定人参考）；决定环节 approve 准予、reject 不予、return 退回；送达环节 approve（须附 delivery）',
    enum: OUTCOMES,
  })
  @IsIn(OUTCOMES)
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ description: '需补正的全部材料（要求补正时必填）', example: ['户口簿复印件'] })
  @ValidateIf((decision: DecideTaskDto) => decision.outcome === 'request-correction')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  missingMaterials?: string[];

  @ApiProperty({ description: '办理意见', example: '材料齐全，同意' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  opinion!: string;

  @ApiPropertyOptional({ description: '送达记录（送达环节必填）', type: DeliveryRecordDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryRecordDto)
  delivery?: DeliveryRecordDto;
}
