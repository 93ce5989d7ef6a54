import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class TaskIdParam {
  @ApiProperty({ description: '待办 ID' })
  @IsUUID()
  taskId!: string;
}

export class DecideTaskDto {
  @ApiProperty({
    description: '办理结果：approve 通过（转下一环节），return 退回上一环节，reject 不予通过（办结）',
    enum: ['approve', 'return', 'reject'],
  })
  @IsIn(['approve', 'return', 'reject'])
  outcome!: 'approve' | 'return' | 'reject';

  @ApiProperty({ description: '办理意见', example: '材料齐全，同意' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  opinion!: string;

  @ApiProperty({ description: '办理人', example: 'nancun-window-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  handlerId!: string;
}
