#!/usr/bin/env node
// npm run chaos -- [--short] [--cases N] [--concurrency C]
//
// Keeps cases arriving and being handled (through the console, as clerks work) while it kills -9, one after another,
// a replica of every service, a Kafka broker, the Temporal server and PostgreSQL, and restarts each the project's
// way (stack.mjs up, engines.sh up). Then it checks what the people relying on the system would check and prints
// one verdict line:
//   - every case intake acknowledged is concluded, and was recorded once (one application, one routed case);
//   - exactly one stamp (and one 'stamped' ledger line) per decision;
//   - no applicant message sent twice, and every applicant told of acceptance, result and delivery;
//   - every case's audit chain intact, holding its conclusion and every stamp.
// Exit status 0 only when every verdict holds. `npm run chaos` runs it on the cluster profile; `npm test` runs the
// short version (--short: fewer cases, one fault of each kind) on the embedded one.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCaseDriver, markedName } from '../bench/case-driver.mjs';
import { cluster, engineEnv, root, services, state } from '../local/local-system.mjs';

const { values: options } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    cases: { type: 'string' },
    concurrency: { type: 'string' },
    password: { type: 'string', default: process.env.BENCH_PASSWORD ?? 'oneseal-demo' },
  },
});
const MIN_CASES = Number(options.cases ?? (options.short ? 12 : 150));
const CONCURRENCY = Number(options.concurrency ?? (options.short ? 4 : 12));
const APPLICANT_MESSAGES = ['caseAcceptedWithQueryCode', 'resultReady', 'resultDelivered'];
// Marks this run's applications, so the checks count exactly them.
const APPLICANT = `混沌演练${new Date().toISOString().slice(11, 19).replaceAll(':', '')}`;

// Through the console: in the cluster profile it spreads calls over both replicas and fails reads over.
const consoleUrl = `http://127.0.0.1:${services.console.port}`;
const driver = createCaseDriver({
  baseUrl: (service) => `${consoleUrl}/api/${service}`,
  password: options.password,
  patienceMs: 5 * 60_000,
});

// ---- faults -----------------------------------------------------------------------------------------------
const dataServices = Object.keys(services).filter((name) => services[name].database !== false);

/**
 * What is killed, in order: each fault names the processes killed at the same moment. Cluster: the second replica
 * of every service (the first carries on), one of three brokers, the Temporal server, PostgreSQL. Embedded: the only
 * instance of each, so every caller waits it out. Short: the services that carry a case's steps, stamps and messages
 * all at once, then each engine.
 */
function faults() {
  const instance = (name) => (cluster ? `${name}-2` : name);
  const serviceFaults = options.short
    ? [{ kind: 'service', names: ['routing', 'approval', 'seal', 'notification'].map(instance) }]
    : dataServices.map((name) => ({ kind: 'service', names: [instance(name)] }));
  return [
    ...serviceFaults,
    { kind: 'engine', names: [cluster ? 'kafka-2' : 'kafka'], engine: 'kafka' },
    { kind: 'engine', names: ['temporal'], engine: 'temporal' },
    { kind: 'engine', names: ['postgres'], engine: 'postgres' },
  ];
}

const pidOf = (kind, name) => {
  const file = join(state, 'pids', kind === 'service' ? `service-${name}.pid` : `${name}.pid`);
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
};

/** The process and everything it started (PostgreSQL's backends die with their postmaster, as in a crash). */
function childrenOf(pid) {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function kill(fault) {
  for (const name of fault.names) {
    const pid = pidOf(fault.kind, name);
    if (!pid) throw new Error(`${name} is not running (no pid file): start the system first`);
    for (const victim of [pid, ...childrenOf(pid)]) {
      try {
        process.kill(victim, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

/** The project's own way back: what an operator (or systemd) would run. */
function restart(fault) {
  const env = { ...process.env, ONESEAL_CLUSTER: cluster ? '1' : '0' };
  const quiet = { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' };
  if (fault.kind === 'service')
    execFileSync(process.execPath, [join(root, 'deploy/local/stack.mjs'), 'up'], quiet);
  else execFileSync('bash', [join(root, 'deploy/local/engines.sh'), 'up', fault.engine], quiet);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const elapsed = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function injectFaults(load) {
  const log = [];
  // Faults start once cases are in flight at every step.
  while (load.acknowledged.size < Math.min(CONCURRENCY, MIN_CASES) && !load.finished) await pause(200);
  for (const fault of faults()) {
    const began = performance.now();
    kill(fault);
    await pause(options.short ? 1000 : 3000);
    restart(fault);
    const names = fault.names.join(' + ');
    log.push(names);
    console.log(`  killed -9 ${names.padEnd(15)}  restarted, answering again after ${elapsed(began)}`);
    await pause(options.short ? 2000 : 5000);
  }
  return log;
}

// ---- load: cases keep arriving until every fault has been injected and the minimum number reached ----------
async function runLoad(load) {
  const failures = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!load.faultsDone || load.started < MIN_CASES) {
        load.started += 1;
        try {
          const submitted = await driver.submit(APPLICANT);
          load.acknowledged.add(submitted.caseId);
          await driver.handle(submitted, undefined, 8 * 60_000);
        } catch (error) {
          failures.push(error);
        }
      }
    }),
  );
  load.finished = true;
  return failures;
}

// ---- verdicts -------------------------------------------------------------------------------------------------
async function database() {
  const require = createRequire(import.meta.url);
  const { Client } = require('pg');
  const client = new Client({ connectionString: engineEnv().DATABASE_URL });
  await client.connect();
  return client;
}

async function verdicts(caseIds) {
  const ids = [...caseIds];
  const db = await database();
  const results = [];
  const check = (ok, detail) => results.push({ ok, detail });
  try {
    // Concluded, and each once.
    const views = await Promise.all(
      ids.map((id) => driver.call('GET', `${consoleUrl}/api/routing/cases/${id}`).catch(() => undefined)),
    );
    const concluded = views.filter((view) => view?.stage === 'concluded').length;
    check(concluded === ids.length, `${concluded} of ${ids.length} acknowledged cases concluded`);
    const { rows: applications } = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE id = ANY($2))::int AS cases FROM intake.applications WHERE applicant_name = $1`,
      [markedName(APPLICANT), ids],
    );
    const { rows: routed } = await db.query(
      `SELECT count(*)::int AS n FROM routing.routed_cases WHERE case_id = ANY($1)`,
      [ids],
    );
    check(
      applications[0].n === ids.length && applications[0].cases === ids.length && routed[0].n === ids.length,
      `${applications[0].n} applications, ${routed[0].n} routed cases for ${ids.length} acknowledged submissions`,
    );
    // One stamp per decision: each document of a case (受理通知书, 办结通知书, 送达回证) sealed once, one ledger line each.
    const { rows: stamps } = await db.query(
      `SELECT s.case_id, d.kind, count(*)::int AS stamps,
              (SELECT count(*)::int FROM seal.ledger l WHERE l.decision_id = min(s.decision_id) AND l.entry = 'stamped') AS ledger
         FROM seal.stamps s JOIN seal.documents d ON d.id = s.document_id
        WHERE s.case_id = ANY($1) GROUP BY s.case_id, d.kind`,
      [ids],
    );
    const stampsOfCase = new Map();
    for (const row of stamps)
      stampsOfCase.set(row.case_id, (stampsOfCase.get(row.case_id) ?? 0) + row.stamps);
    const twice = stamps.filter((row) => row.stamps !== 1 || row.ledger !== 1).length;
    const decided = new Set(stamps.filter((row) => row.kind === 'decision').map((row) => row.case_id));
    check(
      twice === 0 && decided.size === ids.length,
      `${stamps.reduce((n, row) => n + row.stamps, 0)} stamps on ${stamps.length} documents, ${twice} sealed more than once; ${decided.size} of ${ids.length} decisions sealed`,
    );
    // Applicant messages: none twice, and the ones every applicant must get.
    const { rows: messages } = await db.query(
      `SELECT case_id, template, count(*)::int AS n FROM notification.notifications
        WHERE recipient_kind = 'applicant' AND case_id = ANY($1) GROUP BY case_id, template`,
      [ids],
    );
    const duplicated = messages.filter((row) => row.n > 1).length;
    // An electronic-delivery case tells its applicant three things: accepted (with the 查询码), the result is
    // ready, the result was delivered.
    const told = new Map();
    for (const row of messages) told.set(row.case_id, [...(told.get(row.case_id) ?? []), row.template]);
    const fullyTold = ids.filter((id) =>
      APPLICANT_MESSAGES.every((template) => (told.get(id) ?? []).includes(template)),
    ).length;
    check(
      duplicated === 0 && fullyTold === ids.length,
      `${messages.reduce((n, row) => n + row.n, 0)} applicant messages, ${duplicated} duplicated; ${fullyTold} of ${ids.length} applicants told of acceptance, result and delivery`,
    );
    // Audit chains, as the county's auditor verifies them.
    const chains = await Promise.all(
      ids.map(async (id) => {
        const [verdict, events] = await Promise.all([
          driver.call(
            'GET',
            `${consoleUrl}/api/audit/audit/streams/${id}/verification`,
            undefined,
            {},
            'zz-auditor',
          ),
          driver.call(
            'GET',
            `${consoleUrl}/api/audit/audit/streams/${id}/events`,
            undefined,
            {},
            'zz-auditor',
          ),
        ]).catch(() => [undefined, []]);
        const stamped = events.filter((event) => event.type === 'seal.document-stamped').length;
        return (
          verdict?.intact === true &&
          events.some((event) => event.type === 'routing.case-concluded') &&
          stamped === (stampsOfCase.get(id) ?? 0)
        );
      }),
    );
    const intact = chains.filter(Boolean).length;
    check(
      intact === ids.length,
      `${intact} of ${ids.length} audit chains intact, holding the conclusion and every stamp`,
    );
  } finally {
    await db.end();
  }
  return results;
}

async function main() {
  await driver.logIn(['zz-auditor']);
  console.log(
    `OneSeal chaos (${cluster ? 'cluster' : 'embedded'} profile${options.short ? ', short' : ''}): at least ${MIN_CASES} cases, ${CONCURRENCY} at a time, while processes are killed -9`,
  );
  const began = performance.now();
  const load = { started: 0, acknowledged: new Set(), faultsDone: false, finished: false };
  const loading = runLoad(load);
  const faultLog = await injectFaults(load).finally(() => {
    load.faultsDone = true;
  });
  const failures = await loading;
  console.log(
    `  load: ${load.started} submitted, ${load.acknowledged.size} acknowledged, ${failures.length} not carried through by the driver in ${elapsed(began)}`,
  );
  if (failures.length) console.log(`  first driver failure: ${failures[0].message}`);
  // Messages and audit records follow a conclusion through Kafka: they get a minute and a half to arrive.
  const settleBy = Date.now() + 90_000;
  let results = await verdicts(load.acknowledged);
  while (!results.every((result) => result.ok) && Date.now() < settleBy) {
    await pause(5000);
    results = await verdicts(load.acknowledged);
  }
  for (const { ok, detail } of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${detail}`);
  const passed = results.every((result) => result.ok);
  console.log(
    `chaos verdict: ${passed ? 'PASS' : 'FAIL'} — ${results.map((r) => r.detail.split(';')[0]).join('; ')}; faults: ${faultLog.length} kills (${faultLog.join(', ')})`,
  );
  if (!passed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`chaos failed: ${error.message}`);
  process.exit(1);
});
