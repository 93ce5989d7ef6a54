import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

/** What multer hands over of the uploaded file: kept in memory until it is checked. */
export interface UploadedFileContent {
  originalname: string;
  buffer: Buffer;
}

/**
 * An interceptor taking one multipart field `file` of at most `maxBytes`, whose refusals are answered in the
 * caller's own codes and Chinese words (multer's English diagnosis goes in the error's details), never multer's
 * default body.
 */
export function singleFileUpload(options: {
  maxBytes: number;
  tooLarge: () => Error;
  malformed: (problem: string) => Error;
}): Type<NestInterceptor> {
  const MulterSingleFile = FileInterceptor('file', {
    limits: { fileSize: options.maxBytes, files: 1, fields: 5, fieldSize: 1_000 },
  });

  @Injectable()
  class SingleFileUpload implements NestInterceptor {
    private readonly multer = new MulterSingleFile();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        if (error instanceof PayloadTooLargeException) throw options.tooLarge();
        if (error instanceof BadRequestException) throw options.malformed(error.message);
        throw error;
      }
    }
  }
  return SingleFileUpload;
}
