import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_METHODS, type DeliveryMethod } from '@oneseal/contracts';
import { Trimmed } from '@oneseal/service-kit';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsResidentIdNumber } from '../../applications/dto/applicant-validators';

/** Who may file online for an applicant, with the applicant's 授权委托书 (近亲属, as a family files for its elders). */
export const FAMILY_RELATIONSHIPS = [
  '配偶',
  '父母',
  '子女',
  '兄弟姐妹',
  '祖父母、外祖父母',
  '孙子女、外孙子女',
] as const;

/** At most this many pages come with one application filed online (a thick file is one PDF per material). */
export const MAX_ONLINE_PAGES = 12;

/** 代为申请: the person signed in files for a family member who signed a 授权委托书 (its scan comes with the pages). */
export class OnBehalfDto {
  @ApiProperty({ description: '代办人（登录的本人）姓名', example: '王小明' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写代办人姓名' })
  @MaxLength(50)
  agentName!: string;

  @ApiProperty({ description: '与申请人的关系', enum: FAMILY_RELATIONSHIPS })
  @IsIn(FAMILY_RELATIONSHIPS, { message: '请选择与申请人的关系（近亲属）' })
  relationship!: (typeof FAMILY_RELATIONSHIPS)[number];

  @ApiProperty({ description: '委托书签署日期（不晚于今天）', example: '2026-12-04' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '委托书签署日期应为日期，如 2026-12-04' })
  signedOn!: string;

  @ApiProperty({ description: '委托事项', example: '代为网上申请、补正材料、接收办理结果' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写委托事项' })
  @MaxLength(200)
  scope!: string;
}

/**
 * 网上申报 by an applicant signed in with their mobile number: the application (the number is the one they signed
 * in with), and which material each uploaded page belongs to, in the order the pages are sent.
 */
export class OnlineApplicationDto {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: '请选择所在县（市、区）' })
  county!: string;

  @ApiProperty({ description: '办理的乡镇（9 位代码）', example: '140525100' })
  @Matches(/^\d{9}$/, { message: '请选择到哪个乡镇便民服务中心办理' })
  town!: string;

  @ApiProperty({ description: '事项编码', example: 'ZZ-T-007' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  matterCode!: string;

  @ApiProperty({ description: '申请人姓名', example: '王秀英' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写申请人姓名' })
  @MaxLength(100)
  applicantName!: string;

  @ApiProperty({ description: '申请人公民身份号码', example: '11010519491231002X' })
  @IsResidentIdNumber()
  applicantIdNumber!: string;

  @ApiPropertyOptional({
    description: '申请表：按办事指南中该事项申请表的填写项（键名）填写',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject({ message: '申请表格式不正确' })
  formData?: Record<string, unknown>;

  @ApiProperty({ description: '结果送达方式', enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS, { message: '请选择办理结果的送达方式' })
  deliveryMethod!: DeliveryMethod;

  @ApiPropertyOptional({ description: '邮寄地址（选择邮寄送达时必填）' })
  @ValidateIf((application: OnlineApplicationDto) => application.deliveryMethod === 'express')
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '选择邮寄送达时请填写邮寄地址' })
  @MaxLength(300)
  deliveryAddress?: string;

  @ApiPropertyOptional({ description: '为家属代为申请时填写（须上传授权委托书）', type: OnBehalfDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OnBehalfDto)
  onBehalf?: OnBehalfDto;

  @ApiProperty({
    description: '按上传顺序，每个文件所属的材料名称（与办事指南一致）',
    example: ['申请人有效身份证件'],
  })
  @IsArray()
  @ArrayMaxSize(MAX_ONLINE_PAGES, { message: `一次申请最多上传 ${MAX_ONLINE_PAGES} 个文件` })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  pageMaterials!: string[];
}
