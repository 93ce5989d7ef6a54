import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class VerificationRunIdParam {
  @ApiProperty({ description: '核验记录编号' })
  @IsUUID('all', { message: '核验记录编号格式不正确' })
  id!: string;
}
