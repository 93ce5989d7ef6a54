import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

/** What multer hands over of an uploaded file: kept in memory until it is checked. */
export interface UploadedFileContent {
  originalname: string;
  buffer: Buffer;
}

interface Refusals {
  tooLarge: () => Error;
  malformed: (problem: string) => Error;
  /** More files than the route takes (multer's "Too many files"). */
  tooMany?: () => Error;
}

/** Multer behind an interceptor whose refusals are the caller's own codes and Chinese words, never multer's body. */
function withRefusals(multer: Type<NestInterceptor>, refusals: Refusals): Type<NestInterceptor> {
  @Injectable()
  class FileUpload implements NestInterceptor {
    private readonly multer = new multer();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        if (error instanceof PayloadTooLargeException) throw refusals.tooLarge();
        if (error instanceof BadRequestException) {
          if (refusals.tooMany && error.message.startsWith('Too many files')) throw refusals.tooMany();
          // multer's English diagnosis goes in the error's details.
          throw refusals.malformed(error.message);
        }
        throw error;
      }
    }
  }
  return FileUpload;
}

/** One multipart field `file` of at most `maxBytes`, beside a few short text fields. */
export function singleFileUpload(options: { maxBytes: number } & Refusals): Type<NestInterceptor> {
  return withRefusals(
    FileInterceptor('file', {
      limits: { fileSize: options.maxBytes, files: 1, fields: 5, fieldSize: 1_000 },
    }),
    options,
  );
}

/**
 * Up to `maxFiles` files in the multipart field `field`, each of at most `maxBytes`, beside `fields` text fields of
 * at most `maxFieldBytes` each (a JSON document describing them).
 */
export function filesUpload(
  options: {
    field: string;
    maxFiles: number;
    maxBytes: number;
    fields: number;
    maxFieldBytes: number;
  } & Refusals,
): Type<NestInterceptor> {
  return withRefusals(
    FilesInterceptor(options.field, options.maxFiles, {
      limits: {
        fileSize: options.maxBytes,
        files: options.maxFiles,
        fields: options.fields,
        fieldSize: options.maxFieldBytes,
      },
    }),
    options,
  );
}
