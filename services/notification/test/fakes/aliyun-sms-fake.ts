import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
  status: number;
  /** JSON-encoded unless a string. */
  body: object | string;
}

/**
 * A local server speaking Alibaba Cloud's SMS API as far as SendSms goes: it checks the common parameters and
 * the RPC signature (computed here on its own, not with the code under test), refuses a reused nonce, and then
 * answers as scripted per phone number, or OK.
 */
export class FakeAliyunSms {
  readonly accepted: Record<string, string>[] = [];
  private readonly script = new Map<string, FakeAnswer[]>();
  private readonly nonces = new Set<string>();
  private server?: Server;

  constructor(
    private readonly accessKeyId: string,
    private readonly accessKeySecret: string,
  ) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next answers for messages to this phone, in order. */
  answerFor(phone: string, ...answers: FakeAnswer[]): void {
    this.script.set(phone, [...(this.script.get(phone) ?? []), ...answers]);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://fake');
    const source =
      method === 'POST' ? new URLSearchParams(Buffer.concat(chunks).toString('utf8')) : url.searchParams;
    const params = Object.fromEntries(source.entries());
    const answer = this.check(method, params) ?? this.scripted(params);
    response.writeHead(answer.status, {
      'content-type': typeof answer.body === 'string' ? 'text/html' : 'application/json;charset=utf-8',
    });
    response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  }

  private check(method: string, params: Record<string, string>): FakeAnswer | undefined {
    const requestId = randomUUID().toUpperCase();
    const refuse = (status: number, Code: string, Message: string) => ({
      status,
      body: { RequestId: requestId, Code, Message },
    });
    for (const name of [
      'AccessKeyId',
      'Action',
      'SignatureMethod',
      'SignatureNonce',
      'SignatureVersion',
      'Timestamp',
      'Version',
      'Signature',
    ]) {
      if (!params[name]) return refuse(400, `MissingParameter`, `${name} is mandatory for this action.`);
    }
    if (params.AccessKeyId !== this.accessKeyId)
      return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0')
      return refuse(400, 'InvalidParameter', 'unsupported signature method');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp))
      return refuse(
        400,
        'InvalidTimeStamp.Format',
        'Specified time stamp or date value is not well formatted.',
      );
    if (Math.abs(Date.parse(params.Timestamp) - Date.now()) > 15 * 60_000)
      return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    if (params.Signature !== expectedSignature(method, params, this.accessKeySecret))
      return refuse(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    if (this.nonces.has(params.SignatureNonce))
      return refuse(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    this.nonces.add(params.SignatureNonce);
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25')
      return refuse(400, 'InvalidAction', 'Specified action is not valid.');
    for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) {
      if (!params[name]) return refuse(400, 'MissingParameter', `${name} is mandatory for this action.`);
    }
    try {
      JSON.parse(params.TemplateParam ?? '{}');
    } catch {
      return {
        status: 200,
        body: { RequestId: requestId, Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法' },
      };
    }
    return undefined;
  }

  private scripted(params: Record<string, string>): FakeAnswer {
    const next = this.script.get(params.PhoneNumbers)?.shift();
    if (next) return next;
    this.accepted.push(params);
    return {
      status: 200,
      body: { RequestId: randomUUID().toUpperCase(), Code: 'OK', Message: 'OK', BizId: `${Date.now()}^0` },
    };
  }
}

/** RFC 3986, byte by byte: unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
function rfc3986(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const character = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-_.~]/.test(character)
      ? character
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

function expectedSignature(method: string, params: Record<string, string>, secret: string): string {
  const query = Object.entries(params)
    .filter(([name]) => name !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
  const toSign = `${method}&${rfc3986('/')}&${rfc3986(query)}`;
  return createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64');
}
