import { Body, Controller, Get, Header, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type AuthUser } from '@oneseal/auth';
import { ClientAddress } from '@oneseal/service-kit';
import { SigningKeys } from '../signing/signing-keys';
import { ChangePasswordRequest, LoginRequest } from './dto/login.request';
import { LoginResponse, UserProfileView } from './dto/user-profile.view';
import { LoginService } from './login.service';

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(
    private readonly login: LoginService,
    @Inject(SigningKeys) private readonly keys: SigningKeys,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '登录：用户名和密码换取登录凭证（有效 8 小时）' })
  @ApiOkResponse({ type: LoginResponse })
  logIn(@Body() request: LoginRequest, @ClientAddress() source: string): Promise<LoginResponse> {
    return this.login.login(request.loginName, request.password, source);
  }

  @Public()
  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '设置本人新密码（管理员新建账号或重置密码后首次登录须先设置），成功后即登录',
  })
  @ApiOkResponse({ type: LoginResponse })
  changePassword(
    @Body() request: ChangePasswordRequest,
    @ClientAddress() source: string,
  ): Promise<LoginResponse> {
    return this.login.changePassword(request.loginName, request.currentPassword, request.newPassword, source);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录人：姓名、岗位和办理范围' })
  @ApiOkResponse({ type: UserProfileView })
  me(@CurrentUser() user: AuthUser): Promise<UserProfileView> {
    return this.login.profile(user.id);
  }

  @Get('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '登录是否仍然有效（各服务核验用）：账号停用、岗位调整或密码重置后，此前的登录凭证即失效（401）',
  })
  session(): void {
    // The guard has checked the token and its session against the accounts table: reaching here means current.
  }

  @Public()
  @Get('public-key')
  @Header('content-type', 'application/x-pem-file')
  @ApiOperation({ summary: '验证登录凭证用的公钥（Ed25519，PEM）' })
  publicKey(): string {
    return this.keys.publicKeyPem;
  }
}
