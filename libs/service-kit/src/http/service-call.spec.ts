import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { askService } from './service-call';

class NotFound extends Error {}
class Unavailable extends Error {}

describe('asking another service', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; authorization?: string; body: string }[] = [];
  const warnings: string[] = [];
  const answers = {
    refusals: { 404: () => new NotFound() },
    unavailable: () => new Unavailable(),
    logger: { warn: (message: string) => void warnings.push(message) },
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, authorization: request.headers.authorization, body });
        const status = Number(request.url?.slice(1)) || 200;
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers the JSON, sending the token and the body it was given', async () => {
    const answer = await askService<{ status: number }>(
      { what: 'a test', url: `${base}/202`, method: 'POST', authorization: 'Bearer t', body: { a: 1 } },
      answers,
    );
    expect(answer).toEqual({ status: 202 });
    expect(seen.at(-1)).toEqual({ method: 'POST', authorization: 'Bearer t', body: '{"a":1}' });
  });

  it('turns a status the caller names into its error, and anything else into "unavailable", logged', async () => {
    await expect(askService({ what: 'a test', url: `${base}/404` }, answers)).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(askService({ what: 'a test', url: `${base}/503` }, answers)).rejects.toBeInstanceOf(
      Unavailable,
    );
    await expect(
      askService({ what: 'a closed port', url: 'http://127.0.0.1:1/' }, answers),
    ).rejects.toBeInstanceOf(Unavailable);
    expect(warnings).toEqual([
      expect.stringContaining('a test: answered HTTP 503'),
      expect.stringContaining('a closed port: no answer'),
    ]);
  });
});
