#!/usr/bin/env node
/**
 * A local stand-in of the province's 一体化在线政务服务平台 exchange, for tests and demo machines — the way a recording
 * provider stands in for SMS. It speaks the exchange as intake's adapter does (docs/provincial-exchange.md): it checks
 * every request's signature on its own (not with the adapter's code), refuses a reused nonce or a stale timestamp,
 * keeps what it is sent in memory, and hands out the applications a test (or a demo) queues through /_stand-in.
 *
 *   node deploy/test-support/provincial-exchange-stand-in.mjs [--port 3190] [--state-file path.json]
 *   env PROVINCIAL_EXCHANGE_APP_ID, PROVINCIAL_EXCHANGE_APP_SECRET (defaults: oneseal-local / local-exchange-secret)
 *
 * Prints one JSON line {"url": …} once it listens. Without --state-file everything is forgotten when it stops; with
 * it, what the province was given survives a restart, as the real one's would.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const STAGES = [
  '申办',
  '预受理',
  '补交补正',
  '补交受理',
  '受理',
  '不予受理',
  '办理',
  '特别程序开始',
  '特别程序结束',
  '办结',
  '送达',
];
const MAX_SKEW_MS = 5 * 60 * 1000;

const portArgument = process.argv.indexOf('--port');
const port = portArgument > 0 ? Number(process.argv[portArgument + 1]) : 3190;
const appId = process.env.PROVINCIAL_EXCHANGE_APP_ID ?? 'oneseal-local';
const appSecret = process.env.PROVINCIAL_EXCHANGE_APP_SECRET ?? 'local-exchange-secret';
const stateArgument = process.argv.indexOf('--state-file');
const stateFile = stateArgument > 0 ? process.argv[stateArgument + 1] : undefined;

let state = loadState();

/**
 * The state file is a journal, one JSON line per change (a guide, a stage, an application, an answer; a reset empties
 * it), so what is written grows with the change, not with everything kept: rewriting the whole state every half
 * second took up to a core once benches had pushed 51,000 stages (a 25 MB file). A file written whole by an earlier
 * version is read too, and then kept as a journal.
 */
function loadState() {
  const loaded = freshState();
  if (!stateFile || !existsSync(stateFile)) return loaded;
  const text = readFileSync(stateFile, 'utf8');
  if (text.startsWith('{"guides"')) {
    const saved = JSON.parse(text);
    const stages = new Map(saved.stages);
    for (const [code, record] of saved.guides) apply(loaded, { op: 'guide', code, record });
    for (const id of saved.stageOrder) apply(loaded, { op: 'stage', record: stages.get(id) });
    for (const record of saved.applications) apply(loaded, { op: 'application', record });
    for (const [id, answer] of saved.answers) apply(loaded, { op: 'answer', id, answer });
    // Beside it first, then in its place: a stop half-way leaves the old file whole.
    writeFileSync(`${stateFile}.converting`, journalOf(loaded));
    renameSync(`${stateFile}.converting`, stateFile);
    return loaded;
  }
  const lines = text.split('\n').filter(Boolean);
  const kept = lines.filter((line, index) => {
    try {
      apply(loaded, JSON.parse(line));
      return true;
    } catch (error) {
      // The last line may be half written (the machine stopped mid-append): that change never was.
      if (index < lines.length - 1) throw error;
      return false;
    }
  });
  // Cut short: the file goes on from its last whole line, so the next append starts a line of its own.
  if (text && !text.endsWith('\n')) writeFileSync(stateFile, kept.map((line) => `${line}\n`).join(''));
  return loaded;
}

/** A change as the journal keeps it, applied to `to`. */
function apply(to, change) {
  switch (change.op) {
    case 'guide':
      to.guides.set(change.code, change.record);
      break;
    case 'stage':
      if (!to.stages.has(change.record.recordId)) {
        to.stages.set(change.record.recordId, change.record);
        to.stageOrder.push(change.record.recordId);
      }
      break;
    case 'application':
      to.applications.push(change.record);
      break;
    case 'answer':
      to.answers.set(change.id, change.answer);
      break;
  }
}

function journalOf({ guides, stageOrder, stages, applications, answers }) {
  const lines = [
    ...[...guides].map(([code, record]) => ({ op: 'guide', code, record })),
    ...stageOrder.map((id) => ({ op: 'stage', record: stages.get(id) })),
    ...applications.map((record) => ({ op: 'application', record })),
    ...[...answers].map(([id, answer]) => ({ op: 'answer', id, answer })),
  ];
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

/** Applies a change and journals it before it is answered (one short append: what was acknowledged is kept). */
function remember(change) {
  apply(state, change);
  if (stateFile) appendFileSync(stateFile, `${JSON.stringify(change)}\n`);
}

function freshState() {
  return {
    guides: new Map(),
    stages: new Map(),
    stageOrder: [],
    applications: [],
    answers: new Map(),
    nonces: new Set(),
    failures: [],
    requests: 0,
  };
}

const json = (response, status, body) => {
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  response.end(JSON.stringify(body));
};

function verify(request, path, body) {
  const header = (name) => request.headers[name];
  if (header('x-app-id') !== appId) return 'unknown app id';
  const timestamp = Number(header('x-timestamp'));
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > MAX_SKEW_MS) return 'stale timestamp';
  const nonce = header('x-nonce');
  if (typeof nonce !== 'string' || !nonce || state.nonces.has(nonce)) return 'nonce missing or reused';
  const bodyDigest = createHash('sha256').update(body).digest('hex');
  const expected = createHmac('sha256', appSecret)
    .update(`${request.method}\n${path}\n${header('x-timestamp')}\n${nonce}\n${bodyDigest}`)
    .digest();
  const given = Buffer.from(String(header('x-signature') ?? ''), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature mismatch';
  state.nonces.add(nonce);
  return undefined;
}

function parse(body) {
  try {
    return body ? JSON.parse(body) : {};
  } catch {
    return undefined;
  }
}

const missing = (record, fields) =>
  fields.filter((field) => record[field] === undefined || record[field] === '');

function api(request, response, path, body) {
  const refusal = verify(request, path, body);
  if (refusal)
    return json(response, 401, { code: 'SIGNATURE_INVALID', message: `签名校验未通过：${refusal}` });
  const failure = state.failures.shift();
  if (failure?.status)
    return json(response, failure.status, { code: 'STAND_IN_FAILURE', message: '省平台暂时无法处理' });
  const url = new URL(path, 'http://stand-in');
  const record = parse(body);
  if (record === undefined) return json(response, 400, { code: 'BODY_INVALID', message: '报文不是 JSON' });

  const guide = url.pathname.match(/^\/api\/v1\/guides\/([^/]+)$/);
  if (request.method === 'PUT' && guide) {
    const lacking = missing(record, ['matterCode', 'matterName', 'version', 'status', 'guide']);
    if (lacking.length)
      return json(response, 400, { code: 'FIELD_MISSING', message: `缺少字段：${lacking.join('、')}` });
    const code = decodeURIComponent(guide[1]);
    const earlier = state.guides.get(code);
    // The latest word on a matter stands: a newer version, or a change of standing (停用, 在用 again) of the same one.
    if (
      !earlier ||
      earlier.version < record.version ||
      (earlier.version === record.version && earlier.publishedAt <= record.publishedAt)
    )
      remember({ op: 'guide', code, record });
    return json(response, 200, { reference: `G-${code}-${record.version}` });
  }
  if (request.method === 'POST' && url.pathname === '/api/v1/case-stages') {
    const lacking = missing(record, ['recordId', 'caseNumber', 'matterCode', 'stage', 'stageTime']);
    if (lacking.length)
      return json(response, 400, { code: 'FIELD_MISSING', message: `缺少字段：${lacking.join('、')}` });
    if (!STAGES.includes(record.stage))
      return json(response, 400, { code: 'STAGE_UNKNOWN', message: `环节“${record.stage}”不在交换规范之列` });
    if (!state.stages.has(record.recordId)) remember({ op: 'stage', record });
    return json(response, 200, { reference: `S-${record.recordId}` });
  }
  if (request.method === 'GET' && url.pathname === '/api/v1/applications') {
    const county = url.searchParams.get('county');
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Math.min(50, Number(url.searchParams.get('limit') ?? 10));
    const items = [];
    let next = after;
    for (let index = after; index < state.applications.length && items.length < limit; index += 1) {
      next = index + 1;
      if (state.applications[index].county === county) items.push(state.applications[index]);
    }
    return json(response, 200, { items, next: String(next) });
  }
  const answer = url.pathname.match(/^\/api\/v1\/applications\/([^/]+)\/answer$/);
  if (request.method === 'POST' && answer) {
    const id = decodeURIComponent(answer[1]);
    if (!state.applications.some((application) => application.applicationId === id))
      return json(response, 404, { code: 'APPLICATION_UNKNOWN', message: '省平台没有这件申请' });
    if (!['received', 'declined'].includes(record.status))
      return json(response, 400, { code: 'FIELD_INVALID', message: 'status 应为 received 或 declined' });
    remember({ op: 'answer', id, answer: { ...record, answers: (state.answers.get(id)?.answers ?? 0) + 1 } });
    return json(response, 200, { reference: `A-${id}` });
  }
  return json(response, 404, { code: 'NOT_FOUND', message: '没有这个接口' });
}

function standIn(request, response, path, body) {
  const record = parse(body) ?? {};
  if (request.method === 'POST' && path === '/_stand-in/applications') {
    remember({ op: 'application', record });
    return json(response, 201, { queued: state.applications.length });
  }
  if (request.method === 'POST' && path === '/_stand-in/failures') {
    // `after` calls answered as usual first: a batch that fails partway.
    for (let index = 0; index < (record.after ?? 0); index += 1) state.failures.push({ status: undefined });
    for (let index = 0; index < (record.count ?? 1); index += 1)
      state.failures.push({ status: record.status ?? 503 });
    return json(response, 201, { failing: state.failures.length });
  }
  if (request.method === 'POST' && path === '/_stand-in/reset') {
    state = freshState();
    if (stateFile) writeFileSync(stateFile, '');
    return json(response, 200, { reset: true });
  }
  if (request.method === 'GET' && path === '/_stand-in/state') {
    return json(response, 200, {
      requests: state.requests,
      guides: [...state.guides.values()],
      stages: state.stageOrder.map((id) => state.stages.get(id)),
      answers: Object.fromEntries(state.answers),
    });
  }
  return json(response, 404, { code: 'NOT_FOUND', message: '没有这个接口' });
}

const server = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString('utf8');
  const path = request.url ?? '/';
  if (path.startsWith('/_stand-in/')) return standIn(request, response, path, body);
  if (path === '/health') return json(response, 200, { status: 'ok' });
  state.requests += 1;
  api(request, response, path, body);
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => {
    server.close(() => process.exit(0));
  });
