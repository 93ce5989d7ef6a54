import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ListNotificationsQuery {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;
}
