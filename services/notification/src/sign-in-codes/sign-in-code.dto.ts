import { ApiProperty } from '@nestjs/swagger';
import { MAINLAND_MOBILE } from '@oneseal/domain';
import { Matches } from 'class-validator';

export class SendSignInCodeDto {
  @ApiProperty({ description: '申请人手机号码', example: '13800138000' })
  @Matches(MAINLAND_MOBILE, { message: '手机号码应为 11 位中国大陆手机号' })
  phone!: string;

  @ApiProperty({ description: '6 位登录验证码', example: '042917' })
  @Matches(/^\d{6}$/, { message: '验证码应为 6 位数字' })
  code!: string;
}
