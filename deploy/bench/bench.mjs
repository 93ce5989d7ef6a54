#!/usr/bin/env node
// npm run bench -- [--cases N] [--concurrency C] [--warmup W] [--reads-only] [--replay-only]
//                  [--day SECONDS [--late-after SECONDS]]
//
// Drives N complete case lifecycles through the HTTP APIs of the running system (`npm start` first) and
// prints throughput and latency percentiles; then runs N bare Temporal workflows of the same number of steps on
// the same engines: the ceiling OneSeal's own work sits under; then the CPU of routing's workflow thread for one
// case, replayed without the engines (--replay-only: that alone, no running system needed). Measures, asserts
// nothing: targets are read from its output (README, "Benchmark").
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { engineEnv, root, services, state } from '../local/local-system.mjs';
import { createCaseDriver, MATTER, STEPS_OF_MATTER } from './case-driver.mjs';
import { backlogSources, caughtUp } from './caught-up.mjs';
import { processCpu } from './process-cpu.mjs';
import { printMemory, processMemory } from './process-memory.mjs';
import { printStatements, statementsByRole } from './sql-statements.mjs';
import { printTemporalRequests, temporalRequests } from './temporal-tasks.mjs';
import { runDay } from './open-loop.mjs';
import { databaseSize, measureReads } from './reads.mjs';

const url = (service) => `http://127.0.0.1:${services[service].port}`;

const { values: options } = parseArgs({
  options: {
    cases: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '10' },
    // Lifecycles run first and not counted: right after `npm start` the services' and Kafka's code is still being
    // compiled, and a first run costs a third more CPU than the same run once warm.
    warmup: { type: 'string', default: '40' },
    password: { type: 'string', default: process.env.BENCH_PASSWORD ?? 'oneseal-demo' },
    'reads-only': { type: 'boolean', default: false },
    'replay-only': { type: 'boolean', default: false },
    day: { type: 'string' },
    'late-after': { type: 'string', default: '30' },
  },
});
const CASES = Number(options.cases);
const CONCURRENCY = Number(options.concurrency);
const driver = createCaseDriver({ baseUrl: url, password: options.password });

// ---- one lifecycle ----------------------------------------------------------------------------------------
async function lifecycle(timings) {
  const began = performance.now();
  const submitted = await driver.submit('压测申请人');
  timings.intake.push(performance.now() - began);
  await driver.handle(submitted, timings, 120_000);
  timings.wholeCase.push(performance.now() - began);
}

/** Runs one of the bench's scripts in a process of its own and reads the JSON line it ends with. */
function measuredApart(script, args = []) {
  const out = execFileSync(process.execPath, [join(root, 'deploy/bench', script), ...args.map(String)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

// ---- the ceiling: bare workflows of the same shape ----------------------------------------------------------
const bareCeiling = (steps) => measuredApart('bare-ceiling.mjs', [CASES, CONCURRENCY, steps]);

// ---- routing's workflow thread alone: a recorded case replayed, no engines -----------------------------------
// Measured before the lifecycles: after them the database's vacuum and checkpoint still take CPU for a while, and
// the figure came out a tenth higher than on the idle system.
function workflowReplay() {
  try {
    const { history, replays, cpuMsPerCase } = measuredApart('workflow-replay.mjs');
    return `\nworkflow replay       ${cpuMsPerCase.toFixed(1)} ms of CPU per case: ${history} replayed ${replays} times (the case workflow in the SDK's sandbox, no engines)`;
  } catch (error) {
    return `\nworkflow replay could not be measured: ${String(error.message).split('\n')[0]}`;
  }
}

// ---- running and reporting --------------------------------------------------------------------------------
async function runPool(total, concurrency, work) {
  let next = 0;
  const failures = [];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        next += 1;
        await work().catch((error) => failures.push(error));
      }
    }),
  );
  if (failures.length) {
    console.error(`${failures.length} of ${total} failed; first: ${failures[0].message}`);
  }
  return failures.length;
}

function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
  return `p50 ${ms(at(50))}  p95 ${ms(at(95))}  p99 ${ms(at(99))}  max ${ms(sorted.at(-1) ?? NaN)}  (n=${sorted.length})`;
}

/** CPU seconds each process spent per complete lifecycle during the run (services and engines). */
function printCpu(before, after, done) {
  if (done === 0) return;
  const rows = Object.keys(after)
    .filter((name) => before[name] !== undefined && after[name] !== undefined)
    .map((name) => [name, (after[name] - before[name]) / done])
    .sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return;
  const total = rows.reduce((sum, [, seconds]) => sum + seconds, 0);
  console.log(`\nCPU seconds per lifecycle, by process (total ${total.toFixed(3)}):`);
  for (const [name, seconds] of rows) {
    console.log(
      `  ${name.padEnd(17)} ${seconds.toFixed(3).padStart(7)} s  ${((100 * seconds) / total).toFixed(0).padStart(3)}%`,
    );
  }
  const missing = Object.keys(after).filter(
    (name) => after[name] === undefined || before[name] === undefined,
  );
  if (missing.length) console.log(`  (not measured: ${missing.join(', ')})`);
}

/** Waits for what the run left to consume or publish; says how long that took (CPU is read after it). */
async function reportCaughtUp(sources) {
  const seconds = await caughtUp(sources, url);
  return seconds === undefined
    ? 'caught up            not within 120 s of the last lifecycle: CPU below misses the rest'
    : `caught up            ${seconds.toFixed(1)} s after the last lifecycle (every event consumed, every outbox published)`;
}

async function main() {
  if (options['replay-only']) {
    console.log(workflowReplay());
    return;
  }
  const { DATABASE_URL, TEMPORAL_METRICS_URL } = engineEnv();
  const size = await databaseSize(DATABASE_URL);
  console.log(
    `database: ${size.cases.toLocaleString('en')} cases, ~${size.events.toLocaleString('en')} audit events, ${(size.bytes / 1e9).toFixed(1)} GB (npm run history loads more)`,
  );
  if (options['reads-only']) {
    await measureReads({ baseUrl: url, password: options.password, databaseUrl: DATABASE_URL });
    printMemory(processMemory({ state }));
    return;
  }
  await driver.logIn();
  // Which services report what they have left to consume or publish, asked while all is well.
  const sources = await backlogSources(Object.keys(services), url);
  if (options.day) {
    // Open loop instead of closed: --cases arrivals over a compressed working day.
    const cpuBefore = await processCpu({ state, services, url });
    const day = await runDay({
      driver,
      cases: CASES,
      daySeconds: Number(options.day),
      lateAfterSeconds: Number(options['late-after']),
      graceSeconds: 120,
    });
    console.log(await reportCaughtUp(sources));
    printCpu(cpuBefore, await processCpu({ state, services, url }), CASES - day.refused - day.lost);
    printMemory(processMemory({ state }));
    if (day.lost > 0) process.exitCode = 1;
    return;
  }
  const route = await driver.call('GET', `${url('intake')}/catalogue/matters/${MATTER}`);
  console.log(
    `OneSeal bench: ${CASES} lifecycles of ${MATTER} ${route.name ?? ''}, ${CONCURRENCY} at a time`,
  );
  const replayed = workflowReplay();
  const WARMUP = Number(options.warmup);
  if (WARMUP > 0) {
    const warmFailed = await runPool(WARMUP, CONCURRENCY, () =>
      lifecycle({ intake: [], decision: [], taskVisible: [], wholeCase: [] }),
    );
    console.log(`warm-up: ${WARMUP - warmFailed} lifecycles first, not counted (--warmup 0 to skip)`);
  }
  // Each task of the matter, and what it waited for: the submission answered, or the decision before it.
  const taskVisibleByStep = { 受理: [], 审核: [], 决定: [] };
  const timings = { intake: [], decision: [], taskVisible: [], taskVisibleByStep, wholeCase: [] };
  const cpuBefore = await processCpu({ state, services, url });
  const statementsBefore = await statementsByRole(DATABASE_URL);
  const temporalBefore = await temporalRequests(TEMPORAL_METRICS_URL);
  const began = performance.now();
  const failed = await runPool(CASES, CONCURRENCY, () => lifecycle(timings));
  const elapsed = (performance.now() - began) / 1000;
  const behind = await reportCaughtUp(sources);
  const cpuAfter = await processCpu({ state, services, url });
  const statementsAfter = await statementsByRole(DATABASE_URL);
  const temporalAfter = await temporalRequests(TEMPORAL_METRICS_URL);
  const done = CASES - failed;
  console.log(
    `\ncomplete lifecycles   ${done} in ${elapsed.toFixed(1)} s = ${(done / elapsed).toFixed(2)} per second`,
  );
  console.log(`intake API            ${percentiles(timings.intake)}`);
  console.log(`decision API          ${percentiles(timings.decision)}`);
  console.log(`event → task visible  ${percentiles(timings.taskVisible)}`);
  // Padded for a terminal, where a Chinese character takes two columns.
  const labelOf = {
    受理: '  受理 (submitted)    ',
    审核: '  审核 (after 受理)   ',
    决定: '  决定 (after 审核)   ',
  };
  for (const [step, samples] of Object.entries(taskVisibleByStep))
    console.log(`${labelOf[step]}${percentiles(samples)}`);
  console.log(`whole case            ${percentiles(timings.wholeCase)}`);
  console.log(behind);

  const steps = STEPS_OF_MATTER;
  let bare;
  try {
    bare = bareCeiling(steps);
  } catch (error) {
    console.log(`\nbare Temporal ceiling could not be measured: ${String(error.message).split('\n')[0]}`);
  }
  if (bare)
    console.log(
      `\nbare Temporal ceiling ${bare.durations.length} workflows of ${steps} steps in ${bare.elapsed.toFixed(1)} s = ${(bare.durations.length / bare.elapsed).toFixed(2)} per second`,
    );
  if (bare) console.log(`bare workflow         ${percentiles(bare.durations)}`);
  if (bare && done > 0) {
    const ours = done / elapsed;
    const ceiling = bare.durations.length / bare.elapsed;
    console.log(
      `OneSeal / bare       ${((100 * ours) / ceiling).toFixed(0)}% of the ceiling on the same engines (target ≥ 50%)`,
    );
  }
  console.log(replayed);
  printCpu(cpuBefore, cpuAfter, done);
  printStatements(statementsBefore, statementsAfter, done);
  printTemporalRequests(temporalBefore, temporalAfter, done);
  await measureReads({ baseUrl: url, password: options.password, databaseUrl: DATABASE_URL });
  // After the reads: the auditor's replay and verification are what a service holds most for.
  printMemory(processMemory({ state }));

  console.log('\ntarget for a later tuning pass: ≥ 50 complete lifecycles per second on a 2-core machine');
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
