import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ description: '登录名', example: 'zz-town-window' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  loginName!: string;

  @ApiProperty({ description: '密码', example: 'oneseal-demo' })
  @IsString()
  @MinLength(1)
  // Long enough for any passphrase, short enough that nobody makes scrypt hash megabytes.
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ description: '登录名', example: 'zz-town-window' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  loginName!: string;

  @ApiProperty({ description: '当前密码（管理员设置的一次性密码，或本人原密码）' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ description: '新密码，至少 10 位' })
  @IsString()
  @MinLength(10, { message: '新密码至少 10 位' })
  @MaxLength(200)
  newPassword!: string;
}
