import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The address a request comes from, as the edge established it (X-Forwarded-For believed only from the console and
 * its peers, see TRUSTED_PROXIES): what logins and public lookups are throttled by.
 */
export const ClientAddress = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<Request>().ip ?? 'unknown',
);
