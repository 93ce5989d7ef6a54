import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNTABILITY_KINDS, type AccountabilityKind } from '@oneseal/contracts';
import { PlaceQuery, Trimmed } from '@oneseal/service-kit';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

export class RecordAccountabilityDto {
  @ApiProperty({ description: '乡镇代码（9 位）', example: '140525100' })
  @Matches(/^\d{9}$/, { message: '请选择乡镇' })
  town!: string;

  @ApiProperty({ enum: ACCOUNTABILITY_KINDS })
  @IsIn(ACCOUNTABILITY_KINDS, { message: '请选择约谈或问责' })
  kind!: AccountabilityKind;

  @ApiProperty({ description: '对象：人员（姓名、职务）或单位', example: '南村镇便民服务中心负责人 张某' })
  @Trimmed()
  @IsString()
  @MaxLength(100)
  @IsNotEmpty({ message: '请填写约谈（问责）对象' })
  subject!: string;

  @ApiProperty({ description: '事由' })
  @Trimmed()
  @IsString()
  @MaxLength(1000)
  @IsNotEmpty({ message: '请填写事由' })
  reason!: string;

  @ApiProperty({ description: '处理决定或约谈要求' })
  @Trimmed()
  @IsString()
  @MaxLength(1000)
  @IsNotEmpty({ message: '请填写处理决定或约谈要求' })
  decision!: string;

  @ApiPropertyOptional({ description: '涉及的办件编号', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^\d{6}-\d{8}-\d{6}$/, { each: true, message: '办件编号格式应为：6 位县代码-8 位日期-6 位序号' })
  caseNumbers?: string[];
}

export class AccountabilityQuery extends PlaceQuery {}
