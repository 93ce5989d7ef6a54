import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUEUE_CATEGORY_CODES, type QueueCategoryCode } from '@oneseal/domain';
import { Trimmed } from '@oneseal/service-kit';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsMainlandMobile } from '../../applications/dto/applicant-validators';

/** The lines a window may serve: every business category (appointments are called by the category they are for). */
const SERVED_CATEGORIES = QUEUE_CATEGORY_CODES.filter((code) => code !== 'appointment');

export class HallWindowDto {
  @ApiProperty({ description: '窗口号', example: 1 })
  @IsInt()
  @Min(1)
  @Max(50)
  number!: number;

  @ApiProperty({ description: '窗口名称', example: '综合受理窗口' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写窗口名称' })
  @MaxLength(30)
  name!: string;

  @ApiProperty({ description: '办理的业务类别', enum: SERVED_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: '每个窗口至少办理一类业务' })
  @IsIn(SERVED_CATEGORIES, { each: true })
  categories!: QueueCategoryCode[];
}

export class HallSettingsDto {
  @ApiProperty({ type: [HallWindowDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少设置一个窗口' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HallWindowDto)
  windows!: HallWindowDto[];

  @ApiProperty({
    description: '每个工作日的预约时段',
    example: ['09:00-10:00', '10:00-11:00', '15:00-16:00'],
  })
  @IsArray()
  @ArrayMinSize(1, { message: '至少设置一个预约时段' })
  @ArrayMaxSize(12)
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
    each: true,
    message: '预约时段应写成如 09:00-10:00',
  })
  slots!: string[];

  @ApiProperty({
    description: '每个窗口每时段可预约人数（某类业务的名额 = 此数 × 办理该业务的窗口数）',
    example: 3,
  })
  @IsInt()
  @Min(1)
  @Max(100)
  slotCapacity!: number;

  @ApiProperty({ description: '可提前预约的工作日数', example: 7 })
  @IsInt()
  @Min(1)
  @Max(30)
  bookDaysAhead!: number;
}

export class BookVisitDto {
  @ApiProperty({ description: '乡镇代码（9 位）', example: '140525100' })
  @Matches(/^\d{9}$/)
  town!: string;

  @ApiProperty({ description: '预约日期', example: '2026-12-07' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '请选择预约日期' })
  day!: string;

  @ApiProperty({ description: '预约时段', example: '09:00-10:00' })
  @Matches(/^\d{2}:\d{2}-\d{2}:\d{2}$/, { message: '请选择预约时段' })
  slot!: string;

  @ApiProperty({ description: '要办理的事项编码', example: 'ZZ-T-002' })
  @IsString()
  @IsNotEmpty({ message: '请选择要办理的事项' })
  @MaxLength(64)
  matterCode!: string;

  @ApiProperty({ description: '办事人姓名', example: '王秀英' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写办事人姓名' })
  @MaxLength(50)
  applicantName!: string;
}

/** A village agent books for someone of their village (帮办代办): the applicant's own number gets the SMS. */
export class AgentBookingDto extends BookVisitDto {
  @ApiProperty({ description: '办事人手机号码（接收预约短信）', example: '13800138000' })
  @IsMainlandMobile()
  applicantPhone!: string;
}

export class SlotsQuery {
  @ApiPropertyOptional({ description: '要办理的事项编码：按办理其业务的窗口计剩余名额', example: 'ZZ-T-002' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  matterCode?: string;
}

export class AppointmentIdParam {
  @ApiProperty()
  @IsUUID()
  id!: string;
}

export class TicketIdParam {
  @ApiProperty()
  @IsUUID()
  ticketId!: string;
}

/** 取号: by the business category, or — with an appointment today — by the number the appointment was made with. */
export class TakeTicketDto {
  @ApiPropertyOptional({ description: '业务类别（无预约时必选）', enum: SERVED_CATEGORIES })
  @ValidateIf(
    (request: TakeTicketDto) => request.appointmentPhone === undefined || request.category !== undefined,
  )
  @IsIn(SERVED_CATEGORIES, { message: '请选择要办理的业务类别' })
  category?: QueueCategoryCode;

  @ApiPropertyOptional({ description: '预约时使用的手机号码（有预约时）' })
  @IsOptional()
  @IsMainlandMobile()
  appointmentPhone?: string;

  @ApiPropertyOptional({ description: '预约短信中的 4 位取号码（有预约时必填）', example: '4821' })
  @ValidateIf(
    (request: TakeTicketDto) =>
      request.appointmentPhone !== undefined || request.appointmentCode !== undefined,
  )
  @Matches(/^\d{4}$/, { message: '请输入预约短信中的 4 位取号码' })
  appointmentCode?: string;
}

export class CallNextDto {
  @ApiProperty({ description: '叫号的窗口号', example: 1 })
  @IsInt()
  @Min(1)
  @Max(50)
  windowNumber!: number;
}
