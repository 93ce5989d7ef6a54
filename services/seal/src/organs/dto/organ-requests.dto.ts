import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class OrganCodeParam {
  @ApiProperty({
    description: '发文机关：乡镇代码（9 位）或县直部门代码（如 140525-mz）',
    example: '140525100',
  })
  @Matches(/^(\d{9}|\d{6}-[a-z][a-z0-9]{0,15})$/, {
    message: '请填写 9 位乡镇代码，或县直部门代码（如 140525-mz）',
  })
  code!: string;
}

export class CountyQuery {
  @ApiProperty({ description: '县代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/, { message: '请填写 6 位县代码' })
  county!: string;
}

export class UpdateOrganSettingsDto {
  @ApiPropertyOptional({
    description: '文号格式：{year} 为年份，{n} 为序号',
    example: '南村便审〔{year}〕{n}号',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '文号格式不能为空' })
  @MaxLength(40, { message: '文号格式不能超过 40 个字' })
  numberPattern?: string;

  @ApiPropertyOptional({ description: '行政复议机关', example: '泽州县人民政府' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '行政复议机关不能为空' })
  @MaxLength(40)
  reviewOrgan?: string;

  @ApiPropertyOptional({ description: '行政诉讼管辖法院', example: '泽州县人民法院' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '管辖法院不能为空' })
  @MaxLength(40)
  court?: string;
}
