import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPRESS_CARRIERS,
  HANDOVER_METHODS,
  TRACKING_NUMBER,
  type HandoverMethod,
  type DeliveryRecord,
  type GrantRecord,
} from '@oneseal/contracts';
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
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';

const OUTCOMES = ['approve', 'return', 'reject', 'request-correction'] as const;

export class TaskIdParam {
  @ApiProperty({ description: '待办 ID' })
  @IsUUID()
  taskId!: string;
}

/**
 * Facts of one way of handing over only — the carrier and tracking number of a posted result, the name of the one
 * who carried it to the applicant's home: on any other delivery they are refused.
 */
function OnlyWhenHandedOverBy(method: HandoverMethod, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: `onlyWhen-${method}`,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value === undefined || (args.object as DeliveryRecordDto).method === method,
        defaultMessage: () => message,
      },
    });
}

const ONLY_POSTED = '只有邮寄送达才填写快递公司和快递单号';

/** 送达: what the 送达回证 records. */
export class DeliveryRecordDto implements DeliveryRecord {
  @ApiProperty({ description: '送达方式（上门送达：帮办代办员送到申请人家中）', enum: HANDOVER_METHODS })
  @IsIn(HANDOVER_METHODS, { message: '送达方式应为窗口领取、邮寄送达、电子送达或上门送达' })
  method!: HandoverMethod;

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

  @ApiPropertyOptional({
    description: '快递公司（邮寄送达时必填，其他送达方式不填）',
    enum: EXPRESS_CARRIERS,
  })
  @ValidateIf((record: DeliveryRecordDto) => record.method === 'express' || record.carrier !== undefined)
  @OnlyWhenHandedOverBy('express', ONLY_POSTED)
  @IsIn(EXPRESS_CARRIERS, { message: '邮寄送达请选择快递公司' })
  carrier?: string;

  @ApiPropertyOptional({
    description: '快递单号（邮寄送达时必填，其他送达方式不填）',
    example: 'SF1234567890123',
  })
  @ValidateIf(
    (record: DeliveryRecordDto) => record.method === 'express' || record.trackingNumber !== undefined,
  )
  @OnlyWhenHandedOverBy('express', ONLY_POSTED)
  @Matches(TRACKING_NUMBER, { message: '请填写快递单号（字母、数字，6 至 30 位）' })
  trackingNumber?: string;

  @ApiPropertyOptional({
    description: '送达人（上门送达时必填：送到申请人家中的帮办代办员姓名）',
    example: '李四',
  })
  @ValidateIf((record: DeliveryRecordDto) => record.method === 'home' || record.deliveredBy !== undefined)
  @OnlyWhenHandedOverBy('home', '只有上门送达才填写送达人')
  @Trimmed()
  @MaxLength(50, { message: '送达人不能超过 50 个字' })
  @IsString({ message: '上门送达请填写送达人' })
  // Last, so that a missing name is reported by this message (the first a clerk reads).
  @IsNotEmpty({ message: '上门送达请填写送达人' })
  deliveredBy?: string;
}

/** 给付: what a 行政给付 decision grants, printed on the 给付决定书. */
export class GrantRecordDto implements GrantRecord {
  @ApiPropertyOptional({ description: '给付金额', example: '一次性发放临时救助金 2000 元' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '给付金额不能为空' })
  @MaxLength(100, { message: '给付金额不能超过 100 个字' })
  amount?: string;

  @ApiPropertyOptional({ description: '给付方式', example: '打入申请人社会保障卡' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '给付方式不能为空' })
  @MaxLength(100, { message: '给付方式不能超过 100 个字' })
  form?: string;

  @ApiPropertyOptional({ description: '给付起始日期', example: '2026-12-10' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '给付起始日期应为日期，如 2026-12-10' })
  @IsISO8601({ strict: true }, { message: '给付起始日期不是有效日期' })
  from?: string;
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

  @ApiPropertyOptional({
    description: '给付内容（行政给付事项在决定环节准予时填写，写入给付决定书）',
    type: GrantRecordDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GrantRecordDto)
  grant?: GrantRecordDto;

  @ApiPropertyOptional({
    description: '不予受理且该事项不属于本机关职权范围时：告知申请人向哪个机关申请（写入不予受理决定书）',
    example: '泽州县人力资源和社会保障局',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '受理机关名称不能为空' })
  @MaxLength(60, { message: '受理机关名称不能超过 60 个字' })
  referTo?: string;
}
