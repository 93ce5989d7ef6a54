import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOME_VISIT_KINDS, type HomeVisitKind } from '@oneseal/contracts';
import { Trimmed } from '@oneseal/service-kit';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** Why someone cannot come in: what a station sends its agent out for. */
export const HOME_VISIT_REASONS = ['年老体弱', '残疾', '重病', '独居或无人陪同', '其他'] as const;

export class RequestHomeVisitDto {
  @ApiProperty({
    description: '上门服务（上门受理申请）或上门代办（帮办代办员代为跑办）',
    enum: HOME_VISIT_KINDS,
  })
  @IsIn(HOME_VISIT_KINDS, { message: '请选择上门服务或上门代办' })
  kind!: HomeVisitKind;

  @ApiProperty({ description: '所在村（社区）代码（12 位）', example: '140525100201' })
  @Matches(/^\d{12}$/, { message: '请选择您所在的村（社区）' })
  villageCode!: string;

  @ApiProperty({ description: '要办理的事项编码', example: 'ZZ-T-001' })
  @IsString()
  @IsNotEmpty({ message: '请选择要办理的事项' })
  @MaxLength(64)
  matterCode!: string;

  @ApiProperty({ description: '办事人姓名', example: '赵大爷' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写办事人姓名' })
  @MaxLength(50)
  applicantName!: string;

  @ApiProperty({ description: '上门地址', example: '原家村三组 12 号' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写上门地址' })
  @MaxLength(200)
  address!: string;

  @ApiProperty({ description: '不便到场的原因', enum: HOME_VISIT_REASONS })
  @IsIn(HOME_VISIT_REASONS, { message: '请选择不便到场的原因' })
  reason!: (typeof HOME_VISIT_REASONS)[number];

  @ApiPropertyOptional({ description: '希望上门的日期', example: '2026-12-08' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '希望上门的日期应为日期，如 2026-12-08' })
  preferredDate?: string;
}

export class ScheduleHomeVisitDto {
  @ApiProperty({ description: '上门日期', example: '2026-12-08' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '请选择上门日期' })
  visitOn!: string;
}

export class FinishHomeVisitDto {
  @ApiProperty({ description: '办理情况', example: '已上门受理，材料齐全，办件已提交' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写办理情况' })
  @MaxLength(300)
  outcome!: string;

  @ApiPropertyOptional({ description: '提交的办件编号（如有）', example: '140525-20261208-000012' })
  @IsOptional()
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { message: '办件编号格式应为：6 位县代码-8 位日期-6 位序号' })
  caseReceipt?: string;
}

export class HomeVisitIdParam {
  @ApiProperty()
  @IsUUID()
  id!: string;
}
