#!/usr/bin/env node
// Runs OneSeal's services on this machine, beside the engines that engines.sh runs.
// Usage: node deploy/local/stack.mjs up|down|status|migrate|topics|seed|urls
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import {
  cluster,
  documentFolder,
  engineEnv as readEngineEnv,
  root,
  SECRETS,
  services,
  state,
} from './local-system.mjs';
import { linkProfileDocuments } from './profile-documents.mjs';

const names = Object.keys(services);
/** Services with a database of their own (all but the console): they migrate, and get the engines' settings. */
const hasDatabase = (name) => services[name].database !== false;

/** The cluster profile runs two replicas of each service. */
const REPLICA_PORT_OFFSET = 1000;

/**
 * Every process to run: each service once on its port from deploy/services.json, and in the cluster profile a second
 * replica of each service with data on that port + 1000, sharing its consumer group and task queues.
 */
const instances = names.flatMap((name) => [
  { id: name, service: name, port: services[name].port },
  ...(cluster && hasDatabase(name)
    ? [{ id: `${name}-2`, service: name, port: services[name].port + REPLICA_PORT_OFFSET }]
    : []),
]);
const instanceUrl = (instance) => `http://127.0.0.1:${instance.port}`;

function engineEnv() {
  try {
    return readEngineEnv();
  } catch (error) {
    return fail(error.message);
  }
}

/**
 * Each producer's Ed25519 key that signs the events it publishes (its own private key only), and the folder of all
 * producers' public keys every consumer checks them with. Made on first start, kept after.
 */
function producerKeyEnv(name) {
  if (!hasDatabase(name)) return {};
  const require = createRequire(import.meta.url);
  const { ensureProducerKeys, producerKeyFile } = require(join(root, 'libs/kafka/dist'));
  const { EVENT_PRODUCERS } = require(join(root, 'libs/contracts/dist'));
  const privateDir = join(state, 'keys', 'event-signing');
  const publicDir = join(state, 'keys', 'event-producers');
  ensureProducerKeys(privateDir, publicDir);
  return {
    EVENT_PRODUCER_KEYS_DIR: publicDir,
    ...(EVENT_PRODUCERS.includes(name) ? { EVENT_SIGNING_KEY_FILE: producerKeyFile(privateDir, name) } : {}),
  };
}

/**
 * The province's exchange intake talks to: the one PROVINCIAL_EXCHANGE_URL names (with its app id and secret), or else
 * the local stand-in this script runs beside the services (deploy/test-support/provincial-exchange-stand-in.mjs), with
 * a secret made on first start. ONESEAL_PROVINCE=off leaves intake unconnected.
 */
const STAND_IN_PORT = 3190;
const standInName = 'province-stand-in';
const usesStandIn = () => !process.env.PROVINCIAL_EXCHANGE_URL && process.env.ONESEAL_PROVINCE !== 'off';

function provinceEnv() {
  if (process.env.ONESEAL_PROVINCE === 'off') return {};
  if (!usesStandIn()) return {};
  const secretFile = join(state, 'keys', 'provincial-exchange.secret');
  if (!existsSync(secretFile)) {
    mkdirSync(join(state, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(secretFile, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  return {
    PROVINCIAL_EXCHANGE_URL: `http://127.0.0.1:${STAND_IN_PORT}`,
    PROVINCIAL_EXCHANGE_APP_ID: 'oneseal-local',
    PROVINCIAL_EXCHANGE_APP_SECRET: readFileSync(secretFile, 'utf8').trim(),
  };
}

async function startStandIn() {
  if (!usesStandIn()) return;
  const pid = runningPid(standInName);
  if (pid) return console.log(`${standInName}: already running (pid ${pid})`);
  const log = openSync(logFile(standInName), 'a');
  const child = spawn(
    process.execPath,
    [
      join(root, 'deploy/test-support/provincial-exchange-stand-in.mjs'),
      '--port',
      String(STAND_IN_PORT),
      '--state-file',
      join(state, 'province-stand-in.json'),
    ],
    { cwd: root, env: { ...process.env, ...provinceEnv() }, detached: true, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  writeFileSync(pidFile(standInName), String(child.pid));
  child.unref();
  const standIn = { id: standInName, port: STAND_IN_PORT };
  if (!(await waitHealthy(standIn, child.pid, Date.now() + 15_000)))
    fail(
      `the province's stand-in did not start; last lines of ${logFile(standInName)}:\n${tail(logFile(standInName))}`,
    );
  console.log(`${standInName}: up at ${instanceUrl(standIn)} (省政务服务平台 stand-in)`);
}

/** The system's SM2 key that signs the audit log's checkpoints, made by audit's own command on first start. */
function checkpointKeyEnv(name) {
  if (name !== 'audit') return {};
  const AUDIT_CHECKPOINT_KEY_FILE = join(state, 'keys', 'audit-checkpoint.sm2.json');
  if (!existsSync(AUDIT_CHECKPOINT_KEY_FILE)) {
    execFileSync(process.execPath, [join(root, 'services/audit/dist/checkpoint-keys.js')], {
      env: { ...process.env, AUDIT_CHECKPOINT_KEY_FILE },
      stdio: 'inherit',
    });
  }
  return { AUDIT_CHECKPOINT_KEY_FILE };
}

function localSecrets(name) {
  const keys = join(state, 'keys');
  mkdirSync(keys, { recursive: true, mode: 0o700 });
  const env = {};
  for (const [variable, { file, holders }] of Object.entries(SECRETS)) {
    if (!holders.includes(name)) continue;
    const path = join(keys, file);
    if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
    env[variable] = readFileSync(path, 'utf8').trim();
  }
  return env;
}

/**
 * The Ed25519 key pair identity signs login tokens with, made by identity's own command on first start and kept
 * in the state folder. Every service gets the public key; only identity gets the private one.
 */
function tokenKeyEnv(name) {
  const files = {
    AUTH_PRIVATE_KEY_FILE: join(state, 'keys', 'token-signing.key'),
    AUTH_PUBLIC_KEY_FILE: join(state, 'keys', 'token-signing.pub'),
  };
  if (!existsSync(files.AUTH_PRIVATE_KEY_FILE) || !existsSync(files.AUTH_PUBLIC_KEY_FILE)) {
    mkdirSync(join(state, 'keys'), { recursive: true, mode: 0o700 });
    execFileSync(process.execPath, [join(root, 'services/identity/dist/signing-keys.js')], {
      env: { ...process.env, ...files },
      stdio: 'inherit',
    });
  }
  // Every other service asks identity whether a token's session is still current.
  return name === 'identity'
    ? files
    : { AUTH_PUBLIC_KEY_FILE: files.AUTH_PUBLIC_KEY_FILE, AUTH_SESSION_URL: url('identity') };
}

/** The console passes /api/<name>/… to each service's own address. */
/** Each service's replicas, "|"-separated: the console takes them in turn. */
function consoleUpstreams() {
  return names
    .filter(hasDatabase)
    .map(
      (name) =>
        `${name}=${instances
          .filter((instance) => instance.service === name)
          .map(instanceUrl)
          .join('|')}`,
    )
    .join(',');
}

/** `<owner>_<service>`: the role each service's migrate command creates and grants its rights to. */
function serviceDatabaseUrl(ownerUrl, name) {
  const parsed = new URL(ownerUrl);
  parsed.username = `${parsed.username}_${name}`;
  parsed.password = '';
  return parsed.toString();
}

/**
 * The address the public opens the console at (QR codes on receipts and documents), as the last `up` was given it:
 * a service restarted on its own later (after a crash, by an operator) prints the same address.
 */
const publicBaseUrlFile = join(state, 'public-base-url');
const publicBaseUrl = (() => {
  if (process.env.PUBLIC_BASE_URL) {
    mkdirSync(state, { recursive: true });
    writeFileSync(publicBaseUrlFile, process.env.PUBLIC_BASE_URL);
    return process.env.PUBLIC_BASE_URL;
  }
  return existsSync(publicBaseUrlFile) ? readFileSync(publicBaseUrlFile, 'utf8').trim() : undefined;
})();

function serviceEnv(name, engines, port = services[name].port) {
  // Only identity may see the private key, whatever the caller's environment holds.
  const { AUTH_PRIVATE_KEY_FILE: _notForEveryService, ...inherited } = process.env;
  return {
    ...inherited,
    ...tokenKeyEnv(name),
    ...localSecrets(name),
    ...checkpointKeyEnv(name),
    ...producerKeyEnv(name),
    // Migrations run as the owner role; each service logs in as its own role, with rights on its own tables only.
    ...(hasDatabase(name) ? { DATABASE_URL: serviceDatabaseUrl(engines.DATABASE_URL, name) } : {}),
    KAFKA_BROKERS: engines.KAFKA_BROKERS,
    TEMPORAL_ADDRESS: engines.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? 'default',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...(publicBaseUrl ? { PUBLIC_BASE_URL: publicBaseUrl } : {}),
    ...(hasDatabase(name) ? {} : { CONSOLE_UPSTREAMS: consoleUpstreams() }),
    // Intake asks routing (the case's home) who may read a case file.
    ...(name === 'intake' ? { ROUTING_URL: url('routing'), ...provinceEnv() } : {}),
    // Routing asks intake which pages an applicant uploaded before a 补正 online is taken.
    ...(name === 'routing' ? { INTAKE_URL: url('intake'), SEAL_URL: url('seal') } : {}),
    // Seal keeps the stamped PDFs as files in the state folder, every replica the same one (SEAL_DOCUMENT_FOLDER).
    ...(name === 'seal' ? { SEAL_DOCUMENT_FOLDER: documentFolder } : {}),
    // Identity sends applicants' sign-in codes through the notification service's SMS provider.
    ...(name === 'identity' ? { NOTIFICATION_URL: url('notification') } : {}),
  };
}

const pidFile = (name) => join(state, 'pids', `service-${name}.pid`);
const logFile = (name) => join(state, 'logs', `${name}.log`);
const url = (name) => `http://127.0.0.1:${services[name].port}`;

/** Alive, and not a zombie: a process killed a moment ago (kill -9) lingers as one until init reaps it. */
function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function runningPid(name) {
  if (!existsSync(pidFile(name))) return undefined;
  const pid = Number(readFileSync(pidFile(name), 'utf8'));
  if (alive(pid)) return pid;
  rmSync(pidFile(name), { force: true });
  return undefined;
}

async function health(instance) {
  try {
    const response = await fetch(`${instanceUrl(instance)}/health`, { signal: AbortSignal.timeout(5000) });
    const body = await response.json().catch(() => ({}));
    return { ok: response.status === 200, body };
  } catch (error) {
    return { ok: false, body: { error: error.cause?.code ?? error.message } };
  }
}

function fail(message) {
  process.stderr.write(`stack: ${message}\n`);
  process.exit(1);
}

function tail(file, lines = 25) {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function waitHealthy(instance, pid, deadlineMs) {
  while (Date.now() < deadlineMs) {
    if ((await health(instance)).ok) return true;
    if (!alive(pid)) return false;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/**
 * The cluster profile's first start with a document folder of its own: the files its database names that a start
 * before 2026-12-08 wrote into the folder both profiles shared are linked into it (profile-documents.mjs).
 */
async function takeClusterDocumentsApart(engines) {
  const shared = resolve(state, 'documents');
  if (!existsSync(shared)) return;
  const db = new pg.Client({ connectionString: engines.DATABASE_URL });
  await db.connect();
  let digests = [];
  try {
    const { rows } = await db.query(`SELECT to_regclass('seal.documents') IS NOT NULL AS "exists"`);
    if (rows[0].exists)
      digests = (await db.query(`SELECT DISTINCT sm3 FROM seal.documents WHERE pdf IS NULL`)).rows.map(
        (row) => row.sm3,
      );
  } finally {
    await db.end();
  }
  const linked = linkProfileDocuments(shared, documentFolder, digests);
  if (linked > 0)
    console.log(
      `seal: ${linked} of the cluster profile's documents linked from ${shared} into ${documentFolder}`,
    );
}

async function up() {
  const engines = engineEnv();
  mkdirSync(join(state, 'pids'), { recursive: true });
  mkdirSync(join(state, 'logs'), { recursive: true });
  // Seal's document folder (SEAL_DOCUMENT_FOLDER): the service takes it as given and only checks it.
  if (cluster && !existsSync(documentFolder)) {
    // A seal started before 2026-12-08 still writes to the shared folder: what it stamped while the new folder is
    // made would be missing from it.
    const sealRunning = instances.some(({ id, service }) => service === 'seal' && runningPid(id));
    if (sealRunning)
      fail(
        `seal runs with the document folder both profiles shared: npm run stop, then npm start -- --cluster`,
      );
    await takeClusterDocumentsApart(engines);
  }
  mkdirSync(documentFolder, { recursive: true, mode: 0o700 });
  await startStandIn();
  const started = [];
  for (const instance of instances) {
    const { id, service: name } = instance;
    const main = join(root, 'services', name, 'dist', 'main.js');
    if (!existsSync(main)) fail(`${main} is missing: build first (npx tsc -b tsconfig.build.json)`);
    const pid = runningPid(id);
    if (pid) {
      console.log(`${id}: already running (pid ${pid})`);
      continue;
    }
    const log = openSync(logFile(id), 'a');
    // ONESEAL_NODE_ARGS: extra node options for every service, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see
    // where a bench run's time goes (node refuses --cpu-prof in NODE_OPTIONS).
    const extra = (process.env.ONESEAL_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, ['--enable-source-maps', ...extra, main], {
      cwd: root,
      env: serviceEnv(name, engines, instance.port),
      detached: true,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    writeFileSync(pidFile(id), String(child.pid));
    child.unref();
    started.push({ instance, pid: child.pid });
  }
  const deadline = Date.now() + Number(process.env.ONESEAL_BOOT_TIMEOUT_MS ?? 120_000);
  const results = await Promise.all(
    started.map(async ({ instance, pid }) => ({
      name: instance.id,
      ok: await waitHealthy(instance, pid, deadline),
    })),
  );
  const failed = results.filter((r) => !r.ok);
  for (const { name } of failed) {
    process.stderr.write(
      `\n${name} did not become healthy; last lines of ${logFile(name)}:\n${tail(logFile(name))}\n`,
    );
  }
  if (failed.length) fail(`service(s) failed to start: ${failed.map((f) => f.name).join(', ')}`);
  for (const { instance } of started) console.log(`${instance.id}: up at ${instanceUrl(instance)}`);
}

async function down() {
  // Replicas of both profiles: a profile switched since may have left some.
  const every = [
    ...new Set([...instances.map((instance) => instance.id), ...names.map((name) => `${name}-2`)]),
    standInName,
  ];
  const stopping = every.map(async (name) => {
    const pid = runningPid(name);
    if (!pid) return;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && alive(pid)) await new Promise((r) => setTimeout(r, 200));
    if (alive(pid)) {
      process.kill(pid, 'SIGKILL');
      console.log(`${name}: did not stop within 20 s, killed`);
    } else {
      console.log(`${name}: stopped`);
    }
    rmSync(pidFile(name), { force: true });
  });
  await Promise.all(stopping);
}

async function status() {
  let healthy = true;
  const standIn = usesStandIn() ? [{ id: standInName, port: STAND_IN_PORT }] : [];
  for (const instance of [...standIn, ...instances]) {
    const name = instance.id;
    const pid = runningPid(name);
    const result = await health(instance);
    healthy &&= result.ok;
    const detail = result.ok
      ? Object.keys(result.body.info ?? {}).join(', ')
      : JSON.stringify(result.body.error ?? result.body);
    console.log(
      `${result.ok ? 'up  ' : 'DOWN'}  ${name.padEnd(15)} ${instanceUrl(instance).padEnd(24)} ${pid ? `pid ${pid}` : 'not started by us'}  ${detail}`,
    );
  }
  return healthy;
}

function migrate() {
  const engines = engineEnv();
  for (const name of names.filter(hasDatabase)) {
    const script = join(root, 'services', name, 'dist', 'migrate.js');
    execFileSync(process.execPath, [script], {
      env: { ...process.env, DATABASE_URL: engines.DATABASE_URL },
      stdio: 'inherit',
    });
  }
}

/** Creates every topic the contracts name (services also create theirs at boot; subscribing needs them). */
async function topics() {
  const require = createRequire(import.meta.url);
  const { ALL_TOPICS } = require(join(root, 'libs/contracts/dist'));
  const { createKafkaClient, ensureTopics } = require(join(root, 'libs/kafka/dist'));
  const engines = engineEnv();
  const quiet = { info: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) };
  const kafka = createKafkaClient({
    clientId: 'oneseal-stack',
    brokers: engines.KAFKA_BROKERS.split(','),
    logger: quiet,
  });
  const created = await ensureTopics(kafka, ALL_TOPICS);
  console.log(
    `kafka: ${ALL_TOPICS.length} topics present${created.length ? `, created ${created.join(', ')}` : ''}`,
  );
}

/**
 * Loads the reference data (divisions, units, the matter catalogue; every town's approval seal and its legacy
 * seals) and the demo accounts (one town of each county, every role); safe to run again.
 */
function seed() {
  const engines = engineEnv();
  for (const service of ['intake', 'seal', 'identity']) {
    execFileSync(process.execPath, [join(root, 'services', service, 'dist', 'seed.js')], {
      env: { ...process.env, ...localSecrets(service), DATABASE_URL: engines.DATABASE_URL },
      stdio: 'inherit',
    });
  }
}

function urls() {
  for (const name of names.filter((name) => !hasDatabase(name))) {
    console.log(
      `  ${services[name].title.padEnd(16)} ${url(name)}/   (open in a browser; log in as a demo account)`,
    );
  }
  for (const name of names.filter(hasDatabase)) {
    console.log(`  ${services[name].title.padEnd(16)} ${url(name)}/docs   (health: ${url(name)}/health)`);
  }
}

const command = process.argv[2];
switch (command) {
  case 'up':
    await up();
    break;
  case 'down':
    await down();
    break;
  case 'status':
    process.exit((await status()) ? 0 : 1);
    break;
  case 'migrate':
    migrate();
    break;
  case 'topics':
    await topics();
    break;
  case 'seed':
    seed();
    break;
  case 'urls':
    urls();
    break;
  default:
    fail('usage: stack.mjs up|down|status|migrate|topics|seed|urls');
}
