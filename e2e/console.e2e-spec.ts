import { request, type IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fileCase, openTask } from './case-api';
import { postJson, serviceUrl, tokenOf } from './system';

// The console (工作台) is what people open in a browser: its page, and the same-origin /api/<service>/… calls the
// page makes, as a clerk's browser makes them.
const workbench = serviceUrl('console');

describe('the console on the running system', () => {
  it('serves the workbench page and its script', async () => {
    const page = await fetch(`${workbench}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('一枚印章');
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(new URL(script ?? '', `${workbench}/`));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  /** A GET as a browser sends it, answered as it comes over the wire (fetch would undo the compression). */
  function rawGet(path: string, headers: Record<string, string>): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      request(new URL(path, `${workbench}/`), { headers }, resolve)
        .on('error', reject)
        .end();
    });
  }
  async function bodyOf(response: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  it('sends its scripts and PDF.js compressed to a browser on a phone, a third as large or less', async () => {
    for (const path of ['/app.js', '/js/views/supervision.js', '/vendor/pdfjs/pdf.worker.min.mjs']) {
      const plain = await bodyOf(await rawGet(path, {}));
      // What a phone's browser asks for (brotli preferred), and an older one's (gzip only).
      for (const [accepted, decode] of [
        ['gzip, deflate, br', brotliDecompressSync],
        ['gzip', gunzipSync],
      ] as const) {
        const compressed = await rawGet(path, { 'accept-encoding': accepted });
        expect([path, compressed.statusCode, compressed.headers['content-encoding']]).toEqual([
          path,
          200,
          accepted === 'gzip' ? 'gzip' : 'br',
        ]);
        const sent = await bodyOf(compressed);
        expect(decode(sent).equals(plain)).toBe(true);
        expect(sent.length).toBeLessThan(plain.length * 0.4);
      }
    }
  });

  it("passes a clerk's inbox changes on as they happen, not held back to be compressed", async () => {
    const token = await tokenOf('zz-town-window');
    const stream = await rawGet('/api/approval/tasks/inbox/changes?view=mine', {
      accept: 'text/event-stream',
      'accept-encoding': 'gzip, deflate, br',
      authorization: `Bearer ${token}`,
    });
    try {
      expect(stream.statusCode).toBe(200);
      expect(stream.headers['content-encoding']).toBeUndefined();
      // The stream says it is ready as soon as it opens: a compressing gateway would hold that back.
      const ready = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event within 5 s')), 5_000);
        stream.once('data', (chunk: Buffer) => {
          clearTimeout(timer);
          resolve(chunk.toString('utf8'));
        });
      });
      expect(ready).toContain('event: ready');
    } finally {
      stream.destroy();
    }
  });

  it('logs a window clerk in through /api/identity and shows their inbox through /api/approval', async () => {
    const filed = await fileCase({ matterCode: 'ZZ-T-007', channel: 'town-window' });
    const acceptance = await openTask(filed.caseId, 0);

    const login = await postJson<{ token: string; user: { name: string } }>(
      `${workbench}/api/identity/auth/login`,
      { loginName: 'zz-town-window', password: 'oneseal-demo' },
    );
    expect(login.status).toBe(200);
    expect(login.body.user.name).toBe('南村镇受理窗口（演示）');
    const inbox = await fetch(`${workbench}/api/approval/tasks/inbox?pageSize=200`, {
      headers: { authorization: `Bearer ${login.body.token}` },
    });
    expect(inbox.status).toBe(200);
    const { items } = (await inbox.json()) as { items: { id: string; canAct: boolean }[] };
    expect(items.find((task) => task.id === acceptance.id)).toEqual(
      expect.objectContaining({ canAct: true }),
    );

    // Without the token the service itself refuses, in Chinese: the console adds no authority.
    const anonymous = await fetch(`${workbench}/api/approval/tasks/inbox`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toContain('请先登录');
    await postJson(
      `${workbench}/api/routing/cases/${filed.caseId}/withdrawal`,
      { reason: '测试结束' },
      { authorization: `Bearer ${login.body.token}` },
    );
  });
});
