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

export async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

export async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
