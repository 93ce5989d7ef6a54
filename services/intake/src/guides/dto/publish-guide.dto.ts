import { Trimmed } from '@oneseal/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SubmittedMaterialDto } from '../../applications/dto/submit-application.dto';

/** A material the guide asks for: what an application is checked against at the window. */
export class GuideMaterialDto extends SubmittedMaterialDto {
  @ApiProperty({ description: '出具单位', example: '申请人' })
  @IsString()
  @Trimmed()
  @IsNotEmpty({ message: '请填写材料的出具单位' })
  @MaxLength(100)
  issuer!: string;

  @ApiProperty({ description: '是否必需（可选材料不交也可受理）' })
  @IsBoolean()
  required!: boolean;
}

/**
 * A new version of a matter's 办事指南, as the county's administration bureau confirms it. Cases already filed keep
 * the version they were filed under.
 */
export class PublishGuideDto {
  @ApiProperty({ description: '修改所依据的当前版本号（防止覆盖他人刚发布的版本）', example: 1 })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @ApiProperty({ description: '修订说明', example: '依据县行政审批服务管理局2026年第3号通知确认材料清单' })
  @IsString()
  @Trimmed()
  @IsNotEmpty({ message: '请填写修订说明' })
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ description: '设定依据（法律、法规、规章条款）' })
  @IsString()
  @Trimmed()
  @IsNotEmpty({ message: '请填写设定依据' })
  @MaxLength(2000)
  legalBasis!: string;

  @ApiProperty({ enum: ['即办件', '承诺件'] })
  @IsIn(['即办件', '承诺件'], { message: '办件类型应为即办件或承诺件' })
  caseKind!: '即办件' | '承诺件';

  @ApiPropertyOptional({ description: '法定办结时限（工作日）；公共服务无法定时限时填 null', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  statutoryLimitWorkingDays!: number | null;

  @ApiProperty({ description: '承诺办结时限（工作日，即办件为 0）' })
  @IsInt()
  @Min(0)
  @Max(365)
  committedLimitWorkingDays!: number;

  @ApiProperty({ type: [GuideMaterialDto] })
  @ValidateNested({ each: true })
  @Type(() => GuideMaterialDto)
  @ArrayMinSize(1, { message: '办事指南至少列出一项申请材料' })
  @ArrayMaxSize(50)
  materials!: GuideMaterialDto[];

  @ApiProperty({ description: '收费标准', example: '不收费' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  fee!: string;

  @ApiProperty({ description: '网办深度（0 不能网办 … 4 全程网办）' })
  @IsInt()
  @Min(0)
  @Max(4)
  onlineDepth!: number;

  @ApiProperty({ description: '到办事现场次数' })
  @IsInt()
  @Min(0)
  @Max(5)
  onSiteVisits!: number;

  @ApiProperty({ description: '是否支持预约办理' })
  @IsBoolean()
  appointment!: boolean;

  @ApiProperty({ description: '是否支持邮寄送达结果' })
  @IsBoolean()
  expressDelivery!: boolean;

  @ApiPropertyOptional({
    description: '申请表（栏目与填写项）；不填则沿用所修改版本的申请表',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject({ message: '申请表格式不正确' })
  form?: object;
}
