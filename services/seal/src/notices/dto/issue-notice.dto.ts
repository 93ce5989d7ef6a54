import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTICE_KINDS,
  type IssueNoticeRequest,
  type NoticeKind,
  type NoticeTable,
  type NoticeText,
} from '@oneseal/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class NoticeTableDto implements NoticeTable {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  columns!: string[];

  /** A county has a few dozen towns at most. */
  @IsArray()
  @ArrayMaxSize(80)
  @IsArray({ each: true })
  @ArrayMaxSize(10, { each: true })
  rows!: string[][];
}

export class NoticeTextDto implements NoticeText {
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  addressee!: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  opening!: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => NoticeTableDto)
  table?: NoticeTableDto;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  closing!: string[];
}

export class IssueNoticeDto implements IssueNoticeRequest {
  @ApiProperty({ description: '通报的唯一键：同一键再次请求时答复已印发的那份，不再编号、不再用印' })
  @IsUUID()
  noticeKey!: string;

  @ApiProperty({ enum: NOTICE_KINDS })
  @IsIn(NOTICE_KINDS)
  kind!: NoticeKind;

  @ApiProperty({ example: '140525' })
  @Matches(/^\d{6}$/)
  county!: string;

  @ApiPropertyOptional()
  @ValidateNested()
  @Type(() => NoticeTextDto)
  text!: NoticeTextDto;
}

export class PublicNoticesQuery {
  @ApiPropertyOptional({ description: '只看一个县的（县代码）', example: '140525' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  county?: string;
}
