import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const OUTCOMES = ['approve', 'return', 'reject', 'request-correction'] as const;

export class TaskIdParam {
  @ApiProperty({ description: '待办 ID' })
  @IsUUID()
  taskId!: string;
}

export class DecideTaskDto {
  @ApiProperty({
    description:
      '办理结果：approve 通过（转下一环节；受理环节即受理），return 退回上一环节，reject 不予受理（受理前）或不予许可（受理后），request-correction 一次性告知补正',
    enum: OUTCOMES,
  })
  @IsIn(OUTCOMES)
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ description: '需补正的全部材料（要求补正时必填）', example: ['户口簿复印件'] })
  @ValidateIf((decision: DecideTaskDto) => decision.outcome === 'request-correction')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  missingMaterials?: string[];

  @ApiProperty({ description: '办理意见', example: '材料齐全，同意' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  opinion!: string;
}
