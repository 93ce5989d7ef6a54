import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineEndpoints } from '@oneseal/testing';
import { Client as PgClient } from 'pg';
import { SERVICE_NAMES, serviceUrl, tokenOf } from '../system';

/**
 * Drives every operation of every service's OpenAPI document with malformed input — control characters, lone
 * surrogates, undecodable escapes, huge and non-finite numbers, deep nesting, oversize and broken JSON — as several
 * roles and without a login. Bounded and seeded (FUZZ_SEED): the same seed sends the same requests. Nothing may
 * answer 5xx, and nothing a request could have changed may change.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const REQUESTS_PER_OPERATION = Number(process.env.FUZZ_REQUESTS_PER_OPERATION ?? 12);
const LOGINS = ['zz-admin', 'zz-town-window', 'zz-supervisor', 'system-admin', 'zz-county-mz', undefined];

/** mulberry32: a small, well-known seeded generator (reproducible runs, not security). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Operation {
  service: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyProperties: string[] | undefined;
  multipart: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: { $ref?: string; properties?: object } }> };
      }
    >
  >;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}

async function operationsOf(service: string): Promise<Operation[]> {
  const document = (await (await fetch(`${serviceUrl(service)}/docs-json`)).json()) as OpenApiDocument;
  const schema = (ref?: string) =>
    ref ? document.components?.schemas?.[ref.split('/').pop() ?? ''] : undefined;
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => {
      const content = spec.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const properties = json
        ? Object.keys(schema(json.$ref)?.properties ?? json.properties ?? {})
        : undefined;
      return {
        service,
        method: method.toUpperCase(),
        path,
        pathParams: (spec.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (spec.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyProperties: properties,
        multipart: 'multipart/form-data' in content,
      };
    }),
  );
}

/** Values that look right for a path parameter, so a request gets past the path to its body and query. */
function plausible(name: string): string {
  if (/id$/i.test(name) || name === 'caseId' || name === 'taskId') return randomUUID();
  if (name === 'county') return '140525';
  if (name === 'town') return '140525100';
  if (name === 'date') return '2030-01-07';
  if (name === 'year') return '2030';
  if (name === 'code') return 'ZZ-T-001';
  return 'x';
}

// Percent-encoded as they travel: NUL, a lone surrogate's UTF-8 bytes (no valid decoding), a truncated sequence.
const BAD_URL_VALUES = [
  '%00',
  '%ED%A0%80',
  '%E4%B8',
  'a%1Bb',
  '1e308',
  '-1',
  '9'.repeat(400),
  'x'.repeat(4000),
];
// As JSON text: each is a value no validator may pass.
const BAD_JSON_VALUES = [
  '"\\u0000"',
  '"同意\\u0000"',
  '"\\ud800"',
  '"\\udfff x"',
  '1e308',
  '-1e308',
  '-1',
  'true',
  '[]',
  '{}',
  `"${'长'.repeat(20_000)}"`,
  `${'['.repeat(40)}${']'.repeat(40)}`,
];

interface FuzzRequest {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

function requestsFor(operation: Operation, random: () => number): FuzzRequest[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const pathWith = (bad?: string) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      bad && operation.pathParams.includes(name) ? bad : encodeURIComponent(plausible(name)),
    );
  const url = (path: string, query = '') =>
    `${serviceUrl(operation.service)}${path}${query ? `?${query}` : ''}`;
  const json = { 'content-type': 'application/json' };
  const sendsBody = ['POST', 'PUT', 'PATCH'].includes(operation.method);
  const makers: (() => FuzzRequest)[] = [];
  if (operation.pathParams.length > 0) {
    makers.push(() => ({
      kind: 'path',
      method: operation.method,
      url: url(pathWith(pick(BAD_URL_VALUES))),
      headers: sendsBody ? json : {},
      ...(sendsBody ? { body: '{}' } : {}),
    }));
  }
  if (operation.queryParams.length > 0) {
    makers.push(() => ({
      kind: 'query',
      method: operation.method,
      url: url(pathWith(), operation.queryParams.map((name) => `${name}=${pick(BAD_URL_VALUES)}`).join('&')),
      headers: {},
    }));
  }
  makers.push(() => ({
    kind: 'query-stray',
    method: operation.method,
    url: url(pathWith(), `${pick(BAD_URL_VALUES)}=${pick(BAD_URL_VALUES)}`),
    headers: sendsBody ? json : {},
    ...(sendsBody ? { body: '{}' } : {}),
  }));
  if (sendsBody && !operation.multipart) {
    const properties = operation.bodyProperties?.length ? operation.bodyProperties : ['field'];
    makers.push(() => ({
      kind: 'body-values',
      method: operation.method,
      url: url(pathWith()),
      headers: json,
      // Every property malformed: no such body can pass, so none may change anything.
      body: `{${properties.map((name) => `"${name}":${pick(BAD_JSON_VALUES)}`).join(',')}}`,
    }));
    makers.push(() => ({
      kind: 'body-deep',
      method: operation.method,
      url: url(pathWith()),
      headers: json,
      body: `{"${pick(properties)}":${'['.repeat(3000)}${']'.repeat(3000)}}`,
    }));
    makers.push(() => ({
      kind: 'body-broken',
      method: operation.method,
      url: url(pathWith()),
      headers: json,
      body: pick(['{"a":', '\u0000', '{"a":"\\u00"}', '[1,2', '{"a":1}}', 'null', '"\\ud800"']),
    }));
    makers.push(() => ({
      kind: 'body-oversize',
      method: operation.method,
      url: url(pathWith()),
      headers: json,
      body: `{"${pick(properties)}":"${'x'.repeat(2_000_000)}"}`,
    }));
    makers.push(() => ({
      kind: 'body-wrong-type',
      method: operation.method,
      url: url(pathWith()),
      headers: {
        'content-type': pick(['text/plain', 'application/xml', 'application/json; charset=latin7']),
      },
      body: '<a>\u0000</a>',
    }));
  }
  if (operation.multipart) {
    makers.push(() => {
      const boundary = 'fuzzboundary';
      const body = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="county"\r\n\r\n1405\u000025\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.tsv"\r\n` +
          `Content-Type: text/plain\r\n\r\n\u0000\u0000\r\n--${boundary}--\r\n`,
      );
      return {
        kind: 'multipart',
        method: operation.method,
        url: url(pathWith()),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      };
    });
  }
  return Array.from({ length: REQUESTS_PER_OPERATION }, () => pick(makers)());
}

/** What only requests change (workflows and timers write elsewhere): compared before and after the run. */
const STATE_TABLES = [
  'intake.applications',
  'intake.attachments',
  'intake.matters',
  'intake.county_units',
  'intake.catalogue_imports',
  'intake.route_rule_reviews',
  'intake.town_delegations',
  'intake.service_centers',
  'intake.hall_settings',
  'intake.appointments',
  'intake.queue_tickets',
  'intake.home_visits',
  'routing.rating_requests',
  'routing.calendar_years',
  'routing.county_days',
  'routing.service_ratings',
  'seal.seals',
  'seal.issuing_organs',
  'identity.users',
  'identity.login_failures',
];

async function stateOf(db: PgClient): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const table of STATE_TABLES) {
    const exists = await db.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [table]);
    if (!exists.rows[0]?.found) continue;
    // Row count and a digest of every row: an update shows as well as an insert or a delete.
    const { rows } = await db.query<{ count: string; digest: string | null }>(
      `SELECT count(*)::text AS count, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest
         FROM ${table} t`,
    );
    state[table] = `${rows[0].count}:${rows[0].digest ?? ''}`;
  }
  return state;
}

describe('API fuzzing: malformed input on every route of every service', () => {
  it('never answers 5xx and changes nothing', async () => {
    const random = generator(SEED);
    const tokens = new Map<string, string>();
    for (const login of LOGINS) if (login) tokens.set(login, await tokenOf(login));
    const operations = (
      await Promise.all(SERVICE_NAMES.filter((name) => name !== 'console').map(operationsOf))
    ).flat();
    const db = new PgClient({ connectionString: engineEndpoints().databaseUrl });
    await db.connect();
    const before = await stateOf(db);

    const byStatus: Record<string, number> = {};
    const serverErrors: string[] = [];
    const accepted: string[] = [];
    let sent = 0;
    // A change that takes no input at all (take a checkpoint now) has nothing to malform: whoever may call it, calls it.
    const takesInput = (operation: Operation) =>
      operation.pathParams.length > 0 ||
      operation.queryParams.length > 0 ||
      operation.bodyProperties !== undefined ||
      operation.multipart;
    for (const operation of operations.filter((each) => each.method === 'GET' || takesInput(each))) {
      for (const request of requestsFor(operation, random)) {
        const login = LOGINS[Math.floor(random() * LOGINS.length)];
        // From addresses of its own: what the fuzzer trips (rate limits) never holds up anyone else.
        const octet = () => Math.floor(random() * 250) + 1;
        const headers = {
          ...request.headers,
          'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}`,
          ...(login ? { authorization: `Bearer ${tokens.get(login)}` } : {}),
        };
        const response = await fetch(request.url, { method: request.method, headers, body: request.body });
        const text = await response.text();
        sent += 1;
        const bucket = `${Math.floor(response.status / 100)}xx`;
        byStatus[bucket] = (byStatus[bucket] ?? 0) + 1;
        if (response.ok && request.method !== 'GET') {
          accepted.push(
            `${response.status} ${request.method} ${operation.service}${operation.path} (${request.kind})`,
          );
        }
        if (response.status >= 500) {
          serverErrors.push(
            `${response.status} ${request.method} ${operation.service}${operation.path} (${request.kind}, ${login ?? 'anonymous'}): ${text.slice(0, 200)}`,
          );
        }
      }
    }
    const after = await stateOf(db);
    await db.end();

    const summary = { seed: SEED, operations: operations.length, requests: sent, byStatus };
    const folder = join(process.cwd(), '.oneseal');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'fuzz-summary.json'), JSON.stringify(summary, null, 2));
    console.log(`fuzz: ${JSON.stringify(summary)}`);
    expect(serverErrors).toEqual([]);
    // Every request that could change something was malformed: each must have been refused.
    expect(accepted).toEqual([]);
    expect(after).toEqual(before);
    expect(operations.length).toBeGreaterThan(80);
  });
});
