import { ApiProperty } from '@nestjs/swagger';
import { SPECIAL_PROCEDURES, type SpecialProcedure } from '@oneseal/contracts';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class CaseIdParam {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID()
  caseId!: string;
}

export class SupplyCorrectionDto {
  @ApiProperty({ description: '申请人补交的材料', example: ['户口簿复印件'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  suppliedMaterials!: string[];
}

export class WithdrawCaseDto {
  @ApiProperty({ description: '撤回理由（申请人所述）', example: '申请人自愿撤回' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class SuspendCaseDto {
  @ApiProperty({ description: '特别程序', enum: SPECIAL_PROCEDURES })
  @IsIn(SPECIAL_PROCEDURES)
  procedure!: SpecialProcedure;

  @ApiProperty({ description: '启动理由', example: '低保申请须在村内公示 7 天' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ description: '预计所需工作日（行政许可法第四十五条：告知申请人）', example: 7 })
  @IsInt({ message: '请填写特别程序预计所需的工作日数' })
  @Min(1)
  @Max(60)
  expectedWorkingDays!: number;
}

export class RetryStalledStepDto {
  @ApiProperty({
    description: '已如何排除问题（记入审计记录），例如：已清除办理意见中的非法字符',
    example: '已清除办理意见中的非法字符',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note!: string;
}

/** Nothing to say but who resumes, and that comes from the token. */
export class ResumeCaseDto {}

export class ExtendCaseDto {
  @ApiProperty({ description: '延长的工作日数（最多 10 个工作日，每件限一次）', example: 10 })
  @IsInt()
  @Min(1)
  @Max(30)
  extraWorkingDays!: number;

  @ApiProperty({ description: '延长理由', example: '情况复杂，经负责人批准延长' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
