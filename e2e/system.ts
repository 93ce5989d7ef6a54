import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ServiceEntry {
  port: number;
  temporal: boolean;
  title: string;
}

const { services } = JSON.parse(readFileSync(join(__dirname, '../deploy/services.json'), 'utf8')) as {
  services: Record<string, ServiceEntry>;
};

export const SERVICE_NAMES = Object.keys(services);

/** Base URL of a service of the running system (started by `npm start`, or by `npm test` for this tier). */
export function serviceUrl(name: string): string {
  const service = services[name];
  if (!service) throw new Error(`unknown service ${name}`);
  return `http://127.0.0.1:${service.port}`;
}

/** The stand-in of the province's exchange that `npm start` and `npm test` run beside the services. */
export const PROVINCE_STAND_IN = process.env.ONESEAL_PROVINCE_STAND_IN ?? 'http://127.0.0.1:3190';

export type Reply<T> = { status: number; body: T };

/**
 * The address this test file's requests come from, as the console would forward it (services and the console
 * believe X-Forwarded-For from the host): each file has its own, so per-address limits of one test never hold up
 * another. Tests of those limits pick their own addresses.
 */
const octet = () => 1 + Math.floor(Math.random() * 254);
export const TEST_SOURCE = `10.${octet()}.${octet()}.${octet()}`;
const FROM = { 'x-forwarded-for': TEST_SOURCE };

export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const response = await fetch(url, { headers: { ...FROM, ...headers } });
  return { status: response.status, body: (await response.json()) as T };
}

export async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method: 'POST' | 'PUT' = 'POST',
): Promise<Reply<T>> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...FROM, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The password of every demo account `npm start` seeds (services/identity, README). */
export const DEMO_PASSWORD = 'oneseal-demo';

const tokens = new Map<string, Promise<string>>();

/** Logs a demo account in once per test file, as the console does, and keeps its token. */
export function tokenOf(loginName: string): Promise<string> {
  let token = tokens.get(loginName);
  if (!token) {
    token = postJson<{ token?: string; code?: string }>(`${serviceUrl('identity')}/auth/login`, {
      loginName,
      password: DEMO_PASSWORD,
    }).then(({ status, body }) => {
      if (status !== 200 || !body.token)
        throw new Error(`login of ${loginName} failed: ${JSON.stringify(body)}`);
      return body.token;
    });
    tokens.set(loginName, token);
  }
  return token;
}

/** A person of the demo data using the running system with their own login. */
export interface Person {
  loginName: string;
  get<T>(url: string): Promise<Reply<T>>;
  post<T>(url: string, body: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  put<T>(url: string, body: unknown): Promise<Reply<T>>;
  del<T>(url: string): Promise<Reply<T>>;
  /** A multipart form with one file, as a browser's upload sends it. */
  upload<T>(
    url: string,
    fields: Record<string, string>,
    file: { name: string; content: Buffer },
  ): Promise<Reply<T>>;
  /** A file the service answers with: its bytes and headers (or the refusal's JSON). */
  bytes(url: string): Promise<{ status: number; content: Buffer; headers: Headers }>;
}

export function as(loginName: string): Person {
  const auth = async () => ({ ...FROM, authorization: `Bearer ${await tokenOf(loginName)}` });
  return {
    loginName,
    get: async (url) => getJson(url, await auth()),
    post: async (url, body, headers = {}) => postJson(url, body, { ...headers, ...(await auth()) }),
    put: async (url, body) => postJson(url, body, await auth(), 'PUT'),
    del: async <T>(url: string) => {
      const response = await fetch(url, { method: 'DELETE', headers: await auth() });
      return { status: response.status, body: (await response.json()) as T };
    },
    upload: async <T>(
      url: string,
      fields: Record<string, string>,
      file: { name: string; content: Buffer },
    ) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new Blob([file.content]), file.name);
      const response = await fetch(url, { method: 'POST', headers: await auth(), body: form });
      return { status: response.status, body: (await response.json()) as T };
    },
    bytes: async (url) => {
      const response = await fetch(url, { headers: await auth() });
      return {
        status: response.status,
        content: Buffer.from(await response.arrayBuffer()),
        headers: response.headers,
      };
    },
  };
}
