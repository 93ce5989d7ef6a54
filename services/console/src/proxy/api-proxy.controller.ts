import { All, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { UPSTREAM_SERVICES, type UpstreamService, type Upstreams } from '../config/console.env';

export const UPSTREAMS = Symbol('UPSTREAMS');
export const UPSTREAM_TIMEOUT_MS = Symbol('UPSTREAM_TIMEOUT_MS');

/** What a browser may send on and what comes back; anything else (cookies, hop-by-hop headers) stays here. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'accept'];
const RESPONSE_HEADERS = ['content-type', 'content-disposition', 'x-document-sm3'];

const isUpstream = (name: string): name is UpstreamService =>
  (UPSTREAM_SERVICES as readonly string[]).includes(name);

function answer(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ code, message });
}

/**
 * /api/<service>/<path> → <service>/<path>: the browser talks to one origin, and every service still checks the
 * token itself, so the console adds no authority of its own. Bodies are streamed through untouched (JSON, or the
 * PDF a citizen uploads for verification).
 */
@ApiExcludeController()
@Controller('api')
export class ApiProxyController {
  constructor(
    @Inject(UPSTREAMS) private readonly upstreams: Upstreams,
    @Inject(UPSTREAM_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  @All(':service/*path')
  async pass(
    @Param('service') service: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!isUpstream(service)) {
      answer(response, 404, 'CONSOLE.UNKNOWN_SERVICE', '没有这个服务接口');
      return;
    }
    const suffix = request.originalUrl.slice(`/api/${service}`.length);
    const headers = new Headers();
    for (const name of REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const hasBody = !['GET', 'HEAD'].includes(request.method);
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(`${this.upstreams[service]}${suffix}`, {
        method: request.method,
        headers,
        body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
        // Required by Node's fetch for a streamed request body.
        ...(hasBody ? { duplex: 'half' } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      } as RequestInit);
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      answer(
        response,
        timedOut ? 504 : 502,
        timedOut ? 'CONSOLE.UPSTREAM_TIMEOUT' : 'CONSOLE.UPSTREAM_UNAVAILABLE',
        timedOut ? '服务响应超时，请稍后重试' : '服务暂时不可用，请稍后重试',
      );
      return;
    }
    response.status(upstream.status);
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) response.setHeader(name, value);
    }
    response.end(Buffer.from(await upstream.arrayBuffer()));
  }
}
