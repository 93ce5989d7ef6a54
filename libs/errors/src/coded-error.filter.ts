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
    const response = host.switchToHttp().getResponse<Response>();
    if (error.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    }
    response.status(error.httpStatus).json({
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    });
  }
}
