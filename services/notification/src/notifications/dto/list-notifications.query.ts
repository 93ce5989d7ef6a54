import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { RECIPIENT_KINDS, type RecipientKind } from '../notification.entity';

export class ListNotificationsQuery {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;

  @ApiPropertyOptional({
    description: '接收方类型：applicant 申请人，staff-unit 单位待办',
    enum: RECIPIENT_KINDS,
  })
  @IsOptional()
  @IsIn(RECIPIENT_KINDS)
  recipientKind?: RecipientKind;
}
