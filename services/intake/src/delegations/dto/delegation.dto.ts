import { Trimmed } from '@oneseal/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class DelegationParams {
  @ApiProperty({ description: '事项编码', example: 'ZZ-T-011' })
  @IsString()
  @MaxLength(64)
  code!: string;

  @ApiProperty({ description: '乡镇代码（9 位）', example: '140525100' })
  @Matches(/^\d{9}$/, { message: 'town 应为 9 位乡镇代码' })
  town!: string;
}

export class DelegationReasonDto {
  @ApiProperty({ description: '赋权或收回的依据（文件号、原因）', example: '泽民发〔2026〕12号' })
  @IsString()
  @Trimmed()
  @IsNotEmpty({ message: '请填写赋权或收回的依据' })
  @MaxLength(500)
  reason!: string;
}
