import { All, Controller, Inject, Param, Req, Res, type OnModuleDestroy } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { UPSTREAM_SERVICES, type UpstreamService, type Upstreams } from '../config/console.env';
import { neverReached, UpstreamPool } from './upstream-pool';

export const UPSTREAMS = Symbol('UPSTREAMS');
export const UPSTREAM_TIMEOUT_MS = Symbol('UPSTREAM_TIMEOUT_MS');

/** What a browser may send on and what comes back; anything else (cookies, hop-by-hop headers) stays here. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'accept'];
const RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'x-document-sm3',
  'x-content-sha256',
  'cache-control',
  'x-content-type-options',
  // A page a service answers with (a document that cannot be opened) keeps the policy it was written for.
  'content-security-policy',
];

function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

const isUpstream = (name: string): name is UpstreamService =>
  (UPSTREAM_SERVICES as readonly string[]).includes(name);

const isEventStream = (upstream: globalThis.Response): boolean =>
  upstream.ok &&
  upstream.body !== null &&
  !!upstream.headers.get('content-type')?.startsWith('text/event-stream');

function answer(response: Response, status: number, code: string, message: string): void {
  if (response.headersSent) response.destroy();
  else response.status(status).json({ code, message });
}

/**
 * The service's address for what the browser asked, or undefined when the request does not name a path under
 * /api/<service>/ of that very service. The raw request target may be an absolute URL or hold "..", "@" and the
 * like: it is parsed first, and the result must stay on the service's own origin.
 */
export function upstreamUrl(base: string, service: string, requestTarget: string): URL | undefined {
  let asked: URL;
  try {
    asked = new URL(requestTarget, 'http://console.invalid');
  } catch {
    return undefined;
  }
  const prefix = `/api/${service}/`;
  if (asked.origin !== 'http://console.invalid' || !asked.pathname.startsWith(prefix)) return undefined;
  const target = new URL(`${asked.pathname.slice(prefix.length - 1)}${asked.search}`, `${base}/`);
  // /metrics is for the platform's Prometheus on the service's own port, never for browsers (however spelt).
  if (/^\/metrics(\/|$)/i.test(decodedPath(target.pathname) ?? '/metrics')) return undefined;
  return target.origin === new URL(base).origin ? target : undefined;
}

/**
 * /api/<service>/<path> → <service>/<path>: the browser talks to one origin, and every service still checks the
 * token itself, so the console adds no authority of its own. Bodies are streamed through untouched (JSON, or the
 * PDF a citizen uploads for verification).
 */
@ApiExcludeController()
@Controller('api')
export class ApiProxyController implements OnModuleDestroy {
  constructor(
    @Inject(UPSTREAMS) upstreams: Upstreams,
    @Inject(UPSTREAM_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {
    this.pools = Object.fromEntries(
      UPSTREAM_SERVICES.map((name) => [name, new UpstreamPool(upstreams[name])]),
    ) as Record<UpstreamService, UpstreamPool>;
  }

  private readonly pools: Record<UpstreamService, UpstreamPool>;
  /** The event streams being passed on; ended before the HTTP server closes, which would wait for them. */
  private readonly streams = new Set<AbortController>();

  onModuleDestroy(): void {
    for (const stream of this.streams) stream.abort();
  }

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
    const pool = this.pools[service];
    // The path is judged once, against the first replica: every replica serves the same paths.
    if (!upstreamUrl(pool.bases[0], service, request.originalUrl)) {
      answer(response, 400, 'CONSOLE.BAD_PATH', '请求地址有误');
      return;
    }
    const headers = new Headers();
    for (const name of REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    // Set here, never passed on from the browser: the services throttle and rate-limit by the person's address.
    if (request.ip) headers.set('x-forwarded-for', request.ip);
    const hasBody = !['GET', 'HEAD'].includes(request.method);
    // A request with a body streams it once: it goes to one replica. A read tries the next replica when the one in
    // turn could not be reached (nothing was sent to it).
    const replicas = hasBody ? pool.order().slice(0, 1) : pool.order();
    for (const [attempt, base] of replicas.entries()) {
      const target = upstreamUrl(base, service, request.originalUrl) as URL;
      try {
        await this.forward(target, request, response, headers, hasBody);
        return;
      } catch (error) {
        if (neverReached(error)) pool.unreachable(base);
        if (neverReached(error) && attempt < replicas.length - 1) continue;
        const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
        answer(
          response,
          timedOut ? 504 : 502,
          timedOut ? 'CONSOLE.UPSTREAM_TIMEOUT' : 'CONSOLE.UPSTREAM_UNAVAILABLE',
          timedOut ? '服务响应超时，请稍后重试' : '服务暂时不可用，请稍后重试',
        );
        return;
      }
    }
  }

  private async forward(
    target: URL,
    request: Request,
    response: Response,
    headers: Headers,
    hasBody: boolean,
  ): Promise<void> {
    const abort = new AbortController();
    // A browser that asked for an event stream and left before the service answered: nobody will read it.
    if (request.headers.accept?.includes('text/event-stream')) response.on('close', () => abort.abort());
    const timer = setTimeout(
      () => abort.abort(new DOMException('the service did not answer in time', 'TimeoutError')),
      this.timeoutMs,
    );
    try {
      const upstream = await fetch(target, {
        method: request.method,
        headers,
        body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
        // Required by Node's fetch for a streamed request body.
        ...(hasBody ? { duplex: 'half' } : {}),
        signal: abort.signal,
        redirect: 'manual',
      } as RequestInit);
      if (isEventStream(upstream)) {
        // Open as long as the browser listens (待办变动): the time limit is for the service's answer, not its end.
        clearTimeout(timer);
        await this.stream(upstream, response, abort);
        return;
      }
      const body = Buffer.from(await upstream.arrayBuffer());
      this.answerHead(upstream, response);
      response.end(body);
    } finally {
      clearTimeout(timer);
    }
  }

  private answerHead(upstream: globalThis.Response, response: Response): void {
    response.status(upstream.status);
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) response.setHeader(name, value);
    }
  }

  /** Passes each event on as it comes; ends when either side goes away. */
  private async stream(
    upstream: globalThis.Response,
    response: Response,
    abort: AbortController,
  ): Promise<void> {
    response.on('close', () => abort.abort());
    if (response.destroyed) {
      abort.abort();
      return;
    }
    this.answerHead(upstream, response);
    // An ingress-nginx in front (deploy/k8s) would otherwise hold events back to fill its buffer.
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    this.streams.add(abort);
    try {
      for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) response.write(chunk);
    } catch {
      // The browser left (aborted) or the service stopped: either way the stream is over, and the browser reconnects.
    } finally {
      this.streams.delete(abort);
    }
    response.end();
  }
}
