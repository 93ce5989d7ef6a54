import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@oneseal/auth';
import { RateLimit, type RateLimitRule } from '@oneseal/service-kit';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import { VerificationCodeParam, VerifyRequestDto } from './dto/verify-code.dto';
import { SealVerificationService } from './seal-verification.service';
import type { VerificationResult } from './verification-result';

/** What multer hands over of an uploaded file (kept in memory: it is verified, never stored). */
interface UploadedPdf {
  buffer: Buffer;
}

/** A stamped PDF is at most a few hundred KB; anything far larger is not one of ours. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Codes nobody issued count: a forger trying codes for a paper copy is soon held up, a citizen checking never is. */
const VERIFICATION_LIMIT: RateLimitRule = {
  name: 'verification',
  max: 20,
  windowSeconds: 600,
  counts: 'refusals',
  refusedAnswer: (answer) => (answer as VerificationResult | undefined)?.reason === 'UNKNOWN_CODE',
};

@ApiTags('verification')
// Anyone holding a sealed document may check it: the public verification counter needs no login.
@Public()
@Controller('verification')
export class VerificationController {
  constructor(@Inject(SealVerificationService) private readonly verification: SealVerificationService) {}

  @Post()
  @HttpCode(200)
  @RateLimit(VERIFICATION_LIMIT)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    description: '上传加盖电子印章的 PDF（字段 file），或提交文书上的验证码（code）',
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, code: { type: 'string' } },
    },
  })
  @ApiOperation({ summary: '公开核验：文书是否完整、电子印章是否有效，以及原因' })
  verify(
    @Body() request: VerifyRequestDto,
    @UploadedFile() file: UploadedPdf | undefined,
  ): Promise<VerificationResult> {
    if (file) return this.verification.verifyPdf(file.buffer);
    if (request.code) return this.verification.verifyCode(request.code);
    throw new SealError(SealErrorCode.NOTHING_TO_VERIFY);
  }

  @Get(':code')
  @RateLimit(VERIFICATION_LIMIT)
  @ApiOperation({ summary: '按验证码核验（文书二维码指向这里）' })
  verifyByCode(@Param() params: VerificationCodeParam): Promise<VerificationResult> {
    return this.verification.verifyCode(params.code);
  }
}
