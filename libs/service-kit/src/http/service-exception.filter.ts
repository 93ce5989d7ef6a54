import { Catch, HttpException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { CodedError, CodedErrorFilter, isEngineUnavailable } from '@oneseal/errors';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { RequestError, RequestErrorCode } from './request-errors';

/** Seconds a client should wait before trying again while an engine is down. */
export const RETRY_AFTER_SECONDS = 10;

/**
 * Every error a request can end in: a CodedError as `{ code, message, details? }`; an engine that cannot be reached
 * as 503 with Retry-After (the request may simply be sent again); Nest's own HTTP errors as Nest answers them; and
 * anything else as a 500 that says nothing of the inside (logged without the request's data).
 */
@Catch()
export class ServiceExceptionFilter extends BaseExceptionFilter {
  private readonly coded = new CodedErrorFilter();
  private readonly logger = new Logger('Request');

  override catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    // An event handler's failure (Kafka): handed back to the transport as it was, so the message is delivered again.
    // The HTTP base filter would try to answer a request that does not exist, and the TypeError it throws then stops
    // the consumer for good.
    if (host.getType() === 'rpc') return throwError(() => error);
    if (host.getType() !== 'http') return super.catch(error, host);
    if (error instanceof CodedError) return this.coded.catch(error, host);
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof NotFoundException && /^Cannot [A-Z]+ /.test(error.message)) {
      response.status(404).json({ code: 'REQUEST.NO_SUCH_ROUTE', message: '没有这个接口地址，请检查网址' });
      return;
    }
    if (error instanceof HttpException) return super.catch(error, host);
    if (isEngineUnavailable(error)) {
      const unavailable = new RequestError(RequestErrorCode.SERVICE_UNAVAILABLE);
      unavailable.retryAfterSeconds = RETRY_AFTER_SECONDS;
      this.coded.catch(unavailable, host);
      return;
    }
    this.logger.error(
      `unhandled ${(error as Error)?.name ?? 'error'}: ${(error as Error)?.message ?? String(error)}`,
      (error as Error)?.stack,
    );
    response.status(500).json({ code: 'INTERNAL', message: '系统内部错误，已记录，请稍后再试或联系管理员' });
  }
}
