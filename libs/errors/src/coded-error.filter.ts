import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { CodedError } from './coded-error';

/**
 * Answers every CodedError as `{ code, message, details? }` with its status. Installed once per service, globally
 * (createServiceApp), so guards, pipes and every controller answer alike.
 */
@Catch(CodedError)
export class CodedErrorFilter implements ExceptionFilter {
  catch(error: CodedError<string>, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(error.httpStatus)
      .json({
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
  }
}
