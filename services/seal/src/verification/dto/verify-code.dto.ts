import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** JSON body of POST /verification, or the text part of its multipart form beside the file. */
export class VerifyRequestDto {
  @ApiPropertyOptional({ description: '文书上印的验证码', example: 'K7QX-2MZP-9RTA-H4WC' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code?: string;
}

export class VerificationCodeParam {
  @ApiProperty({ description: '文书上印的验证码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  code!: string;
}
