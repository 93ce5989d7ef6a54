import { Body, Controller, Get, Module, Post, Query, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { createServer, type Server } from 'node:net';
import { Client } from 'pg';
import { configureServiceApp, RETRY_AFTER_SECONDS } from '../src';

class Note {
  @IsString()
  @MaxLength(500)
  opinion!: string;
}

class Search {
  @IsOptional()
  @IsString()
  q?: string;
}

/** A port nothing listens on: PostgreSQL "is down" there, for real, as the pg driver reports it. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let downPort = 0;

@Controller()
class ProbeController {
  readonly received: unknown[] = [];

  @Post('notes')
  note(@Body() note: Note) {
    this.received.push(note);
    return { ok: true };
  }

  @Get('search')
  search(@Query() search: Search) {
    this.received.push(search);
    return { ok: true };
  }

  @Get('database')
  async database() {
    const client = new Client({ host: '127.0.0.1', port: downPort, user: 'nobody', database: 'none' });
    await client.connect();
    return { reached: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the edge every service request passes (a real HTTP server, a real pg driver)', () => {
  let app: INestApplication;
  let base: string;
  let probe: ProbeController;

  beforeAll(async () => {
    downPort = await closedPort();
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureServiceApp(app);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    probe = app.get(ProbeController);
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (body: string) =>
    fetch(`${base}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('refuses NUL, lone surrogates, deep nesting, oversize and malformed JSON with a code, never reaching the handler', async () => {
    const cases: [string, number, string][] = [
      ['{"opinion":"同意\\u0000"}', 400, 'REQUEST.INVALID_CHARACTERS'],
      ['{"opinion":"\\ud800"}', 400, 'REQUEST.INVALID_CHARACTERS'],
      [`{"opinion":${'['.repeat(3000)}${']'.repeat(3000)}}`, 400, 'REQUEST.TOO_DEEP'],
      [`{"opinion":"${'长'.repeat(600_000)}"}`, 413, 'REQUEST.TOO_LARGE'],
      ['{"opinion":', 400, 'REQUEST.MALFORMED_JSON'],
    ];
    for (const [body, status, code] of cases) {
      const response = await post(body);
      expect({ code, status: response.status, body: await response.json() }).toEqual({
        code,
        status,
        body: expect.objectContaining({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }),
      });
    }
    expect(probe.received).toEqual([]);
    const fine = await post('{"opinion":"经审查，符合条件。\\n同意。"}');
    expect(fine.status).toBe(201);
    expect(probe.received).toEqual([{ opinion: '经审查，符合条件。\n同意。' }]);
  });

  it('refuses a URL with NUL or an undecodable escape', async () => {
    for (const [query, code] of [
      ['q=%00', 'REQUEST.INVALID_CHARACTERS'],
      ['q=%ED%A0%80', 'REQUEST.MALFORMED_URL'],
      ['q=%E4%B8', 'REQUEST.MALFORMED_URL'],
    ]) {
      const response = await fetch(`${base}/search?${query}`);
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([400, code]);
    }
  });

  it('answers 503 with Retry-After while the database cannot be reached, and says so in Chinese', async () => {
    const response = await fetch(`${base}/database`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(await response.json()).toEqual({
      code: 'SERVICE.UNAVAILABLE',
      message: expect.stringContaining('请稍后再试'),
    });
  });

  it('answers an unknown address in Chinese', async () => {
    const response = await fetch(`${base}/nothing-here`);
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
      404,
      'REQUEST.NO_SUCH_ROUTE',
    ]);
  });
});
