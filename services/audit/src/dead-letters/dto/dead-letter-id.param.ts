import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class DeadLetterIdParam {
  @ApiProperty({ description: '死信消息编号' })
  @IsUUID('all', { message: '死信消息编号格式不正确' })
  id!: string;
}
