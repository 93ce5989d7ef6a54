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
import { CatalogueImportError, CatalogueImportErrorCode } from './catalogue-import.errors';
import { MAX_LIST_BYTES } from './matter-list-file';

export interface UploadedList {
  originalname: string;
  buffer: Buffer;
}

const MulterSingleFile = FileInterceptor('file', {
  limits: { fileSize: MAX_LIST_BYTES, files: 1, fields: 5, fieldSize: 1_000 },
});

/** One list per upload, at most 2 MB; multer's refusals answered in the import's own codes and words. */
@Injectable()
export class MatterListUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterSingleFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException || error instanceof BadRequestException)
        throw new CatalogueImportError(CatalogueImportErrorCode.FILE_UNREADABLE, { problem: error.message });
      throw error;
    }
  }
}
