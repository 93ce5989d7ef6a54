import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@oneseal/auth';
import { ClientAddress, RateLimit } from '@oneseal/service-kit';
import { ApplicantSignInService, type ApplicantSession, type CodeSent } from './applicant-sign-in.service';
import { ApplicantSignInRequest, SignInCodeRequest } from './dto/sign-in.request';

/** 网上办事登录: applicants sign in with their mobile number and a code sent to it, never with a password. */
@ApiTags('applicant sign-in')
@Public()
@Controller('applicant')
export class ApplicantSignInController {
  constructor(private readonly signIn: ApplicantSignInService) {}

  @Post('sign-in-codes')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: '获取登录验证码：发送 6 位验证码短信到手机（5 分钟内有效；每分钟一次，每小时至多 5 次）',
  })
  sendCode(@Body() request: SignInCodeRequest, @ClientAddress() source: string): Promise<CodeSent> {
    return this.signIn.sendCode(request.phone, source);
  }

  @Post('sessions')
  @HttpCode(HttpStatus.OK)
  // Wrong or spent codes from one address, over every number: one person mistyping never meets it, a sprayer does.
  @RateLimit({ name: 'applicant-sign-in', max: 30, windowSeconds: 3600, counts: 'refusals' })
  @ApiOperation({ summary: '验证码登录：换取申请人登录凭证（有效 2 小时）；验证码输错 5 次即失效' })
  open(@Body() request: ApplicantSignInRequest): Promise<ApplicantSession> {
    return this.signIn.signIn(request.phone, request.code);
  }
}
