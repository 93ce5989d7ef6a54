import { Trimmed } from '@oneseal/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPLICATION_CHANNELS,
  DELIVERY_METHODS,
  type ApplicationChannel,
  type DeliveryMethod,
} from '@oneseal/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsMainlandMobile, IsResidentIdNumber } from './applicant-validators';

/** One material handed in with the application, named as the guide names it. */
export class SubmittedMaterialDto {
  @ApiProperty({ description: '材料名称（与办事指南一致）', example: '申请人有效身份证件' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: '原件份数', example: 1 })
  @IsInt()
  @Min(0)
  @Max(99)
  originals!: number;

  @ApiProperty({ description: '复印件份数', example: 1 })
  @IsInt()
  @Min(0)
  @Max(99)
  copies!: number;
}

/** 授权委托书: someone files on the applicant's behalf (a 帮办代办 agent always does). */
export class AgentAuthorisationDto {
  @ApiProperty({ description: '委托书签署日期（不晚于今天）', example: '2026-12-04' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '委托书签署日期应为日期，如 2026-12-04' })
  signedOn!: string;

  @ApiProperty({ description: '委托事项', example: '代为提交申请、补交材料、领取办理结果' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写委托事项' })
  @MaxLength(200)
  scope!: string;
}

export class SubmitApplicationDto {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/)
  county!: string;

  @ApiProperty({ description: '乡镇行政区划代码（9 位）', example: '140525100' })
  @Matches(/^\d{9}$/)
  town!: string;

  @ApiPropertyOptional({
    description: '村（社区）代码（12 位），经村便民服务站代办时填写',
    example: '140525100201',
  })
  @IsOptional()
  @Matches(/^\d{12}$/)
  villageCode?: string;

  @ApiProperty({ description: '事项编码', example: 'ZZ-T-001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  matterCode!: string;

  @ApiProperty({ description: '受理渠道', enum: APPLICATION_CHANNELS })
  @IsIn(APPLICATION_CHANNELS)
  channel!: ApplicationChannel;

  @ApiProperty({ description: '申请人姓名', example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicantName!: string;

  @ApiProperty({
    description: '申请人公民身份号码（18 位，末位校验码按 GB 11643 计算）',
    example: '11010519491231002X',
  })
  @IsResidentIdNumber()
  applicantIdNumber!: string;

  @ApiProperty({ description: '申请人手机号码（受理、补正、结果通知发送至此）', example: '13800138000' })
  @IsMainlandMobile()
  applicantPhone!: string;

  @ApiProperty({ description: '提交的材料', type: [SubmittedMaterialDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SubmittedMaterialDto)
  materials!: SubmittedMaterialDto[];

  @ApiProperty({ description: '结果送达方式：窗口领取、邮寄、电子送达', enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS)
  deliveryMethod!: DeliveryMethod;

  @ApiPropertyOptional({
    description: '申请表：按办事指南中该事项申请表的填写项（键名）填写',
    type: 'object',
    additionalProperties: true,
    example: { hardship: '支出型', description: '因病住院，医疗支出较大' },
  })
  @IsOptional()
  @IsObject({ message: '申请表格式不正确' })
  formData?: Record<string, unknown>;

  @ApiPropertyOptional({ description: '授权委托书（帮办代办时必填）', type: AgentAuthorisationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgentAuthorisationDto)
  authorisation?: AgentAuthorisationDto;

  @ApiPropertyOptional({ description: '邮寄地址（选择邮寄送达时必填）' })
  @ValidateIf((application: SubmitApplicationDto) => application.deliveryMethod === 'express')
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  deliveryAddress?: string;
}

export class SubmittedApplicationDto {
  @ApiProperty({ description: '办件 ID' })
  caseId!: string;

  @ApiProperty({ description: '办件编号（县内唯一）', example: '140525-20261123-000001' })
  receiptNumber!: string;

  @ApiPropertyOptional({
    description: '查询码：打印在受理回执上并短信告知申请人，凭办件编号和查询码查询进度、评价服务',
    example: 'K7QM-3XPD-9RTA',
  })
  queryCode?: string;

  @ApiProperty({ enum: ['submitted'] })
  status!: 'submitted';

  @ApiProperty()
  submittedAt!: string;

  @ApiProperty({ description: '是否为重复提交（同一幂等键）' })
  replayed!: boolean;
}
