import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class DocumentIdParam {
  @ApiProperty({ description: '文书 ID' })
  @IsUUID()
  id!: string;
}
