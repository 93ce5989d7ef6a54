import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CheckpointCheckIdParam {
  @ApiProperty({ description: '检查点核验记录编号' })
  @IsUUID('all', { message: '检查点核验记录编号格式不正确' })
  id!: string;
}
