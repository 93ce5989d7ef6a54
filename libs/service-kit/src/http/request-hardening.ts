import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { RequestError, RequestErrorCode } from './request-errors';
import { findUnsafeInput, jsonNestsDeeperThan, unsafeCharacterIn, type UnsafeInput } from './safe-text';

/**
 * What stands where: a service behind the console (reached from the host or the container network), or the web
 * front that browsers reach directly (the console), which passes bodies on unparsed.
 */
export type HttpRole = 'service' | 'web';

/**
 * Who may say, in X-Forwarded-For, whom they forward. A service believes the console and its peers on the host or
 * the container network; the console, which browsers reach, believes only a reverse proxy on its own host.
 */
export const TRUSTED_PROXIES: Record<HttpRole, readonly string[]> = {
  service: ['loopback', 'uniquelocal'],
  web: ['loopback'],
};

/** A JSON body larger than this is refused (guides, the biggest bodies, are tens of KB); uploads have their own. */
export const MAX_JSON_BODY = '1mb';

function refuse(response: Response, error: RequestError): void {
  response.status(error.httpStatus).json({
    code: error.code,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
  });
}

export function refusalOf(found: UnsafeInput): RequestError {
  return found.kind === 'depth'
    ? new RequestError(RequestErrorCode.TOO_DEEP, { field: found.field })
    : new RequestError(RequestErrorCode.INVALID_CHARACTERS, {
        field: found.field,
        character: found.codePoint,
      });
}

/** The path and query as a person would read them: refused when they cannot be decoded or hold unsafe characters. */
function checkUrl(request: Request, response: Response, next: NextFunction): void {
  const url = request.originalUrl ?? request.url;
  const queryAt = url.indexOf('?');
  const parts = queryAt < 0 ? [url] : [url.slice(0, queryAt), url.slice(queryAt + 1).replace(/\+/g, ' ')];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return refuse(response, new RequestError(RequestErrorCode.MALFORMED_URL));
    }
    const character = unsafeCharacterIn(decoded);
    if (character) {
      return refuse(
        response,
        new RequestError(RequestErrorCode.INVALID_CHARACTERS, { field: 'URL', character }),
      );
    }
  }
  next();
}

class TooDeep extends Error {
  readonly status = 400;
  readonly type = 'oneseal.too-deep';
}

/** The body parsers' own refusals, in OneSeal's answer shape; anything else goes on to Nest. */
function bodyErrors(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const type = (error as { type?: string } | undefined)?.type;
  switch (type) {
    case 'oneseal.too-deep':
      return refuse(response, new RequestError(RequestErrorCode.TOO_DEEP));
    case 'entity.too.large':
      return refuse(response, new RequestError(RequestErrorCode.TOO_LARGE, { limit: MAX_JSON_BODY }));
    case 'entity.parse.failed':
      return refuse(response, new RequestError(RequestErrorCode.MALFORMED_JSON));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return refuse(response, new RequestError(RequestErrorCode.UNSUPPORTED_ENCODING));
    default:
      next(error);
  }
}

/**
 * The edge every request passes before any route: its URL decoded and checked, and (for a service, which parses
 * bodies) JSON bounded in size and nesting before it is parsed. Call before the app is initialised: the parsers are
 * registered here, in this order, and Nest then leaves its own out.
 */
export function hardenHttp(
  app: NestExpressApplication,
  role: HttpRole,
  alsoTrusted: readonly string[] = [],
): void {
  // request.ip is the person's address, as the proxies this role believes say it (see TRUSTED_PROXIES).
  app.set('trust proxy', [...TRUSTED_PROXIES[role], ...alsoTrusted]);
  app.use(checkUrl);
  if (role === 'web') return;
  app.useBodyParser('json', {
    limit: MAX_JSON_BODY,
    verify: (_request: unknown, _response: unknown, raw: Buffer) => {
      if (jsonNestsDeeperThan(raw)) throw new TooDeep('JSON nested too deep');
    },
  });
  app.useBodyParser('urlencoded', { limit: MAX_JSON_BODY, extended: true, parameterLimit: 200 });
  app.use(bodyErrors);
}

/**
 * Every body, query and path parameter a handler receives (multipart fields included, after the upload
 * interceptor) is checked for unsafe characters and nesting before validation: the database never receives what it
 * cannot store.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found = findUnsafeInput(value, metadata.data ?? '');
    if (found) throw refusalOf(found);
    return value;
  }
}
