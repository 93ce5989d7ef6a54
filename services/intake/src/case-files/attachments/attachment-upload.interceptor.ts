import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { CaseFileError, CaseFileErrorCode } from '../case-files.errors';
import { MAX_ATTACHMENT_BYTES } from './attachment-content';

/** What multer hands over of the uploaded file: kept in memory until it is checked and stored in the database. */
export interface UploadedPage {
  originalname: string;
  buffer: Buffer;
}

const MulterSingleFile = FileInterceptor('file', {
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1_000 },
});

/**
 * One file per request, at most 10 MB. What multer refuses is answered with the case file's own codes and Chinese
 * messages (multer's English diagnosis kept in details for whoever wrote the client), never its default body.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterSingleFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException)
        throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_TOO_LARGE);
      if (error instanceof BadRequestException)
        throw new CaseFileError(CaseFileErrorCode.UPLOAD_MALFORMED, { problem: error.message });
      throw error;
    }
  }
}
