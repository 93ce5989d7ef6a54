import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { ConsoleModule } from '../app.module';
import { upstreamUrl } from './api-proxy.controller';
import { loadConsoleEnv, UPSTREAM_SERVICES } from '../config/console.env';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A stand-in HTTP service that records what reached it and answers with a PDF-like body and headers. */
function startUpstream(seen: Seen[]): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(request.url?.startsWith('/missing') ? 404 : 201, {
        'content-type': 'application/pdf',
        'x-document-sm3': 'abc',
        'set-cookie': 'tracking=1',
      });
      response.end(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The console as bootstrapService creates it (bodies are not parsed, they are passed on), on a free port. */
async function startConsole(env: Record<string, string>): Promise<{ app: INestApplication; base: string }> {
  const config = loadConsoleEnv({ HTTP_PORT: '3100', LOG_LEVEL: 'warn', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [ConsoleModule.forEnv(config)] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
}

describe('the console passes /api/<service>/… through to the service', () => {
  const seen: Seen[] = [];
  let upstream: Server;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    upstream = await startUpstream(seen);
    const { port } = upstream.address() as AddressInfo;
    const upstreams = UPSTREAM_SERVICES.map((name) =>
      name === 'seal' ? `${name}=http://127.0.0.1:1` : `${name}=http://127.0.0.1:${port}`,
    ).join(',');
    ({ app, base } = await startConsole({ CONSOLE_UPSTREAMS: upstreams }));
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  beforeEach(() => void seen.splice(0));

  it('forwards method, path, query, the token and the idempotency key, and nothing else of the browser’s', async () => {
    const response = await fetch(`${base}/api/approval/tasks/inbox?view=unit&status=open`, {
      headers: { authorization: 'Bearer t0k3n', cookie: 'session=secret', 'x-forwarded-for': '10.0.0.9' },
    });
    expect(response.status).toBe(201);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/tasks/inbox?view=unit&status=open' });
    expect(seen[0].headers.authorization).toBe('Bearer t0k3n');
    expect(seen[0].headers.cookie).toBeUndefined();
    // The address is the console's own view of the browser, never what the browser claims.
    expect(seen[0].headers['x-forwarded-for']).toMatch(/127\.0\.0\.1$/);
  });

  it('passes a body through byte for byte, and the answer’s status, type and document headers back', async () => {
    const body = Buffer.from('{"outcome":"approve","opinion":"同意"}');
    const response = await fetch(`${base}/api/intake/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
      body,
    });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/applications' });
    expect(seen[0].body.equals(body)).toBe(true);
    expect(seen[0].headers['idempotency-key']).toBe('k-1');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-document-sm3')).toBe('abc');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer())).toEqual(
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
    );
  });

  it('answers 404 CONSOLE.UNKNOWN_SERVICE for a name that is not a service, without calling anything', async () => {
    const response = await fetch(`${base}/api/payroll/salaries`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'CONSOLE.UNKNOWN_SERVICE', message: '没有这个服务接口' });
    expect(seen).toEqual([]);
  });

  it('answers 502 CONSOLE.UPSTREAM_UNAVAILABLE in Chinese when the service cannot be reached', async () => {
    const response = await fetch(`${base}/api/seal/ledger?town=140525100`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      code: 'CONSOLE.UPSTREAM_UNAVAILABLE',
      message: '服务暂时不可用，请稍后重试',
    });
  });

  it('never leaves the service it names, whatever the raw request target holds', async () => {
    // An absolute-form target with a user-info "@" and "..": as a browser never sends it, as a scanner might.
    const status = await new Promise<number>((resolve, reject) => {
      const sent = httpRequest(
        {
          host: '127.0.0.1',
          port: new URL(base).port,
          path: 'http://x@127.0.0.1:1/api/intake/../../elsewhere',
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      sent.on('error', reject);
      sent.end();
    });
    expect([400, 404]).toContain(status);
    expect(seen).toEqual([]);
  });
});

describe('the console passes an event stream on as it comes, past the time limit of an answer', () => {
  let upstream: Server;
  let app: INestApplication;
  let base: string;
  let streamClosed: Promise<void>;

  beforeAll(async () => {
    let closed!: () => void;
    streamClosed = new Promise((resolve) => (closed = resolve));
    upstream = createServer((request, response) => {
      if (request.url === '/tasks/inbox/changes') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        response.write('event: ready\ndata: {}\n\n');
        // Later than the console's time limit for an answer (1 s).
        const later = setTimeout(() => response.write('event: task\ndata: {"taskId":"t-1"}\n\n'), 1500);
        response.on('close', () => {
          clearTimeout(later);
          closed();
        });
      } else {
        // An ordinary answer as late is cut off.
        setTimeout(() => response.end('{}'), 1500).unref();
      }
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    const upstreams = UPSTREAM_SERVICES.map((name) => `${name}=http://127.0.0.1:${port}`).join(',');
    ({ app, base } = await startConsole({
      CONSOLE_UPSTREAMS: upstreams,
      CONSOLE_UPSTREAM_TIMEOUT_MS: '1000',
    }));
  });

  afterAll(async () => {
    await app?.close();
    upstream?.closeAllConnections();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('delivers each event when the service sends it, and closes the service’s stream when the browser leaves', async () => {
    const leave = new AbortController();
    const response = await fetch(`${base}/api/approval/tasks/inbox/changes`, { signal: leave.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('t-1')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    expect(text).toBe('event: ready\ndata: {}\n\nevent: task\ndata: {"taskId":"t-1"}\n\n');
    leave.abort();
    await streamClosed;
  });

  it('still answers 504 CONSOLE.UPSTREAM_TIMEOUT when an ordinary answer comes too late', async () => {
    const response = await fetch(`${base}/api/approval/tasks/inbox`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ code: 'CONSOLE.UPSTREAM_TIMEOUT' });
  });

  it('ends the streams it passes on when it shuts down, so it can (the service’s stream would last minutes)', async () => {
    const response = await fetch(`${base}/api/approval/tasks/inbox/changes`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(Buffer.from((await reader.read()).value ?? []).toString()).toContain('event: ready');
    await app.close();
    app = undefined as unknown as INestApplication;
    let done = false;
    while (!done) done = (await reader.read()).done;
  });
});

describe('where the console sends a request', () => {
  const base = 'http://intake:3101';

  it('keeps path and query under the service it names', () => {
    expect(upstreamUrl(base, 'intake', '/api/intake/catalogue/matters?q=救助')?.href).toBe(
      'http://intake:3101/catalogue/matters?q=%E6%95%91%E5%8A%A9',
    );
  });

  it('refuses targets that would leave the service or name another one', () => {
    for (const target of [
      'http://x@169.254.169.254:8080/api/intake/../../latest/meta-data/',
      '/api/intake//169.254.169.254/latest',
      '/api/intake/../approval/tasks',
      '/api/intake/%2e%2e/%2e%2e/x',
      'http://evil.example/api/intake/x',
    ])
      expect(upstreamUrl(base, 'intake', target)?.origin ?? 'refused').toMatch(
        /^(refused|http:\/\/intake:3101)$/,
      );
    expect(upstreamUrl(base, 'intake', '/api/intake//169.254.169.254/latest')).toBeUndefined();
    expect(upstreamUrl(base, 'intake', 'http://evil.example/api/intake/x')).toBeUndefined();
    expect(upstreamUrl(base, 'intake', '/api/intake/../approval/tasks')).toBeUndefined();
  });

  it('never passes /metrics on: the services’ metrics are for the platform’s Prometheus, not browsers', () => {
    expect(upstreamUrl(base, 'intake', '/api/intake/metrics')).toBeUndefined();
    expect(upstreamUrl(base, 'intake', '/api/intake/%6detrics')).toBeUndefined();
    expect(upstreamUrl(base, 'intake', '/api/intake/metrics/')).toBeUndefined();
    expect(upstreamUrl(base, 'intake', '/api/intake/METRICS')).toBeUndefined();
    expect(upstreamUrl(base, 'intake', '/api/intake/catalogue/metrics')?.pathname).toBe('/catalogue/metrics');
  });
});
