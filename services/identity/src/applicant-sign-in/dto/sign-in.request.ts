import { ApiProperty } from '@nestjs/swagger';
import { MAINLAND_MOBILE } from '@oneseal/domain';
import { Matches } from 'class-validator';

const MOBILE_MESSAGE = '请输入 11 位手机号码';

export class SignInCodeRequest {
  @ApiProperty({ description: '申请人手机号码', example: '13800138000' })
  @Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;
}

export class ApplicantSignInRequest {
  @ApiProperty({ description: '申请人手机号码', example: '13800138000' })
  @Matches(MAINLAND_MOBILE, { message: MOBILE_MESSAGE })
  phone!: string;

  @ApiProperty({ description: '短信中的 6 位验证码', example: '042917' })
  @Matches(/^\d{6}$/, { message: '验证码为短信中的 6 位数字' })
  code!: string;
}
