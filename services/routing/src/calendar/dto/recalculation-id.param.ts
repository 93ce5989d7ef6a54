import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RecalculationIdParam {
  @ApiProperty({ description: '期限重算记录编号' })
  @IsUUID('all', { message: '期限重算记录编号格式不正确' })
  id!: string;
}
