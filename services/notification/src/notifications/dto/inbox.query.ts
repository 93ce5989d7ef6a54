import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oneseal/service-kit';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';
import { INBOX_TEMPLATES, type InboxTemplateName } from '../templates';

const asBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** 单位消息, a page of them: of one kind, or unread only, if asked. */
export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: '消息类别', enum: INBOX_TEMPLATES })
  @IsOptional()
  @IsIn(INBOX_TEMPLATES, { message: '消息类别不正确' })
  kind?: InboxTemplateName;

  @ApiPropertyOptional({ description: '只看未读' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean({ message: '“只看未读”应为 true 或 false' })
  unread?: boolean;
}

export class MarkReadDto {
  @ApiProperty({ description: '要标为已读的消息', type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: '请选择要标为已读的消息' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: '消息编号不正确' })
  ids!: string[];
}

export class MarkAllReadDto {
  @ApiPropertyOptional({ description: '只把这一类的消息标为已读', enum: INBOX_TEMPLATES })
  @IsOptional()
  @IsIn(INBOX_TEMPLATES, { message: '消息类别不正确' })
  kind?: InboxTemplateName;

  /**
   * The list's `asOf`: what arrived after the person looked stays unread, so "all" means all they were shown.
   */
  @ApiProperty({ description: '标记截至此时刻（列表返回的 asOf）之前的消息' })
  // A date and time as asOf gives it (ISO 8601 also allows week dates, which the database does not read).
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: '缺少或不正确的截至时间，请刷新后重试' })
  @IsISO8601({ strict: true }, { message: '缺少或不正确的截至时间，请刷新后重试' })
  before!: string;
}
