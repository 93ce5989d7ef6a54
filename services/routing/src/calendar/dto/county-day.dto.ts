import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CountyParams {
  @ApiProperty({ description: '县级行政区划代码（6 位）', example: '140521' })
  @Matches(/^\d{6}$/, { message: '县的代码应为 6 位数字' })
  county!: string;
}

export class CountyDayParams extends CountyParams {
  @ApiProperty({ description: '日期（YYYY-MM-DD）', example: '2027-01-04' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应写成如 2027-01-04 的形式' })
  date!: string;
}

export class SetCountyDayDto {
  @ApiProperty({ description: 'true：本县这个周末上班（本县调休）；false：本县这个工作日放假' })
  @IsBoolean()
  working!: boolean;

  @ApiProperty({ description: '调整的原因或依据（县政府通知）', example: '县政府关于暴雪天气停止办公的通知' })
  @IsString()
  @IsNotEmpty({ message: '请写明调整的原因或依据' })
  @MaxLength(200)
  reason!: string;
}
