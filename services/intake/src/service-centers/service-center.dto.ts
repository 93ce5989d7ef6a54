import { ApiProperty } from '@nestjs/swagger';
import { Trimmed } from '@oneseal/service-kit';
import { IsString, Length, Matches } from 'class-validator';

export class TownParam {
  @ApiProperty({ description: '乡镇代码（9 位）', example: '140525100' })
  @Matches(/^\d{9}$/, { message: '乡镇代码应为 9 位数字' })
  town!: string;
}

export class PublishServiceCenterDto {
  @ApiProperty({ description: '地址', example: '泽州县南村镇南村村政府街 8 号（镇政府院内一层）' })
  @Trimmed()
  @IsString()
  @Length(6, 100, { message: '地址应为 6 至 100 个字，写到门牌号或楼层' })
  address!: string;

  @ApiProperty({ description: '咨询电话：固定电话（区号-号码）或手机号码', example: '0356-3621234' })
  @Trimmed()
  @Matches(/^(0\d{2,3}-\d{7,8}|1[3-9]\d{9})$/, {
    message: '咨询电话应为“区号-号码”的固定电话（如 0356-3621234）或 11 位手机号码',
  })
  phone!: string;

  @ApiProperty({ description: '办公时间', example: '工作日 8:30—12:00，14:30—17:30（夏季 15:00—18:00）' })
  @Trimmed()
  @IsString()
  @Length(4, 80, { message: '办公时间应为 4 至 80 个字' })
  hours!: string;
}
