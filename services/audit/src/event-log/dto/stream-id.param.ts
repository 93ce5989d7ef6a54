import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class StreamIdParam {
  @ApiProperty({ description: '办件 ID（事件流）' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  streamId!: string;
}
