import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ListTasksQuery {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;
}
