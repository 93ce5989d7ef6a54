import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_CHANNELS, type ApplicationChannel } from '@oneseal/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class SubmitApplicationDto {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140525' })
  @Matches(/^\d{6}$/)
  county!: string;

  @ApiProperty({ description: '乡镇行政区划代码（9 位）', example: '140525100' })
  @Matches(/^\d{9}$/)
  town!: string;

  @ApiPropertyOptional({
    description: '村（社区）代码（12 位），经村便民服务站代办时填写',
    example: '140525100201',
  })
  @IsOptional()
  @Matches(/^\d{12}$/)
  villageCode?: string;

  @ApiProperty({ description: '事项编码', example: 'ZZ-T-001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  matterCode!: string;

  @ApiProperty({ description: '受理渠道', enum: APPLICATION_CHANNELS })
  @IsIn(APPLICATION_CHANNELS)
  channel!: ApplicationChannel;

  @ApiProperty({ description: '申请人姓名', example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicantName!: string;
}

export class SubmittedApplicationDto {
  @ApiProperty({ description: '办件 ID' })
  caseId!: string;

  @ApiProperty({ enum: ['submitted'] })
  status!: 'submitted';

  @ApiProperty()
  submittedAt!: string;

  @ApiProperty({ description: '是否为重复提交（同一幂等键）' })
  replayed!: boolean;
}
