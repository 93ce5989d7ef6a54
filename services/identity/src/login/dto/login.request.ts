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
