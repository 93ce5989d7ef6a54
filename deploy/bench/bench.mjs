#!/usr/bin/env node
// npm run bench -- [--cases N] [--concurrency C]
//
// Drives N complete case lifecycles through the HTTP APIs of the running system (`npm start` first) and
// prints throughput and latency percentiles; then runs N bare Temporal workflows of the same number of steps on
// the same engines: the ceiling OneSeal's own work sits under. Measures, asserts nothing: targets are read
// from its output (README, "Benchmark").
import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { processCpu } from './process-cpu.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { services } = JSON.parse(readFileSync(join(root, 'deploy/services.json'), 'utf8'));
const url = (service) => `http://127.0.0.1:${services[service].port}`;
const state = process.env.ONESEAL_STATE ?? join(root, '.oneseal');

const { values: options } = parseArgs({
  options: {
    cases: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '10' },
    password: { type: 'string', default: process.env.BENCH_PASSWORD ?? 'oneseal-demo' },
  },
});
const CASES = Number(options.cases);
const CONCURRENCY = Number(options.concurrency);
// 婚姻生育情况证明: a town-only matter (受理, 审核, 决定, 用印, 送达 at the town); electronic delivery, so the lifecycle
// ends without a person at the window.
const MATTER = 'ZZ-T-007';

// The demo accounts of 南村镇 whose roles take the matter's steps (services/identity seeds them).
const WINDOW = 'zz-town-window';
const LOGIN_OF_STEP = { 受理: WINDOW, 审核: 'zz-town-reviewer', 决定: 'zz-town-leader', 送达: WINDOW };

// ---- HTTP -------------------------------------------------------------------------------------------------
const authorization = new Map();

async function call(method, target, body, headers = {}, as = WINDOW) {
  const response = await fetch(target, {
    method,
    headers: { 'content-type': 'application/json', ...authorization.get(as), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new Error(`${method} ${target} → ${response.status} ${text.slice(0, 300)}`);
  return parsed;
}

/** Logs every account the lifecycle needs in once, as each clerk would at the start of the day. */
async function logIn() {
  for (const loginName of new Set(Object.values(LOGIN_OF_STEP))) {
    const { token } = await call('POST', `${url('identity')}/auth/login`, {
      loginName,
      password: options.password,
    });
    authorization.set(loginName, { authorization: `Bearer ${token}` });
  }
}

function residentId() {
  const first17 = `14052519${String(randomInt(50, 99))}0615${String(randomInt(1, 999)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll(probe, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

// ---- one lifecycle ----------------------------------------------------------------------------------------
async function lifecycle(timings) {
  const began = performance.now();
  const submitted = await call(
    'POST',
    `${url('intake')}/applications`,
    {
      county: '140525',
      town: '140525100',
      matterCode: MATTER,
      channel: 'town-window',
      applicantName: '压测申请人',
      applicantIdNumber: residentId(),
      applicantPhone: `139${String(randomInt(0, 99_999_999)).padStart(8, '0')}`,
      materials: [
        { name: '申请人有效身份证件', originals: 1, copies: 1 },
        { name: '申请表', originals: 1, copies: 0 },
      ],
      deliveryMethod: 'electronic',
      // 法律援助咨询服务's 申请表 (seeds/forms): what the consultation is about.
      formData: { certPurpose: '办理收养登记', maritalStatus: '初婚' },
    },
    { 'Idempotency-Key': randomUUID() },
  );
  const accepted = performance.now();
  timings.intake.push(accepted - began);
  let decided = 0;
  // A decided task stays listed as open until the workflow's activity records it: never decide it twice.
  const decidedTasks = new Set();
  for (;;) {
    const waitingSince = performance.now();
    const next = await poll(async () => {
      const tasks = await call('GET', `${url('approval')}/tasks?caseId=${submitted.caseId}`);
      const open = tasks.find((task) => task.status === 'open' && !decidedTasks.has(task.id));
      if (open) return open;
      // Until routing has started the case's workflow, the case is not known yet (404).
      const view = await call('GET', `${url('routing')}/cases/${submitted.caseId}`).catch(() => undefined);
      return view?.stage === 'concluded' ? 'done' : undefined;
    }, `the next task of ${submitted.caseId}`);
    if (next === 'done') break;
    timings.taskVisible.push(performance.now() - (decided === 0 ? accepted : waitingSince));
    const handler = LOGIN_OF_STEP[next.stepName];
    if (!handler) throw new Error(`no demo account takes the step ${next.stepName}`);
    await call(
      'POST',
      `${url('approval')}/tasks/${next.id}/decision`,
      {
        outcome: 'approve',
        opinion: '同意',
        // The bench files for electronic delivery (no 送达 task); a 送达 would record its hand-over.
        ...(next.stepName === '送达'
          ? {
              delivery: {
                method: 'pick-up',
                recipient: '申请人本人',
                deliveredOn: new Date().toISOString().slice(0, 10),
              },
            }
          : {}),
      },
      {},
      handler,
    );
    decidedTasks.add(next.id);
    decided += 1;
  }
  timings.wholeCase.push(performance.now() - began);
}

// ---- the ceiling: bare workflows of the same shape, in a process of their own -------------------------------
function bareCeiling(steps) {
  const out = execFileSync(
    process.execPath,
    [join(root, 'deploy/bench/bare-ceiling.mjs'), String(CASES), String(CONCURRENCY), String(steps)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
  );
  return JSON.parse(out.trim().split('\n').at(-1));
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
      `  ${name.padEnd(13)} ${seconds.toFixed(3).padStart(7)} s  ${((100 * seconds) / total).toFixed(0).padStart(3)}%`,
    );
  }
  const missing = Object.keys(after).filter(
    (name) => after[name] === undefined || before[name] === undefined,
  );
  if (missing.length) console.log(`  (not measured: ${missing.join(', ')})`);
}

async function main() {
  await logIn();
  const route = await call('GET', `${url('intake')}/catalogue/matters/${MATTER}`);
  console.log(
    `OneSeal bench: ${CASES} lifecycles of ${MATTER} ${route.name ?? ''}, ${CONCURRENCY} at a time`,
  );
  const timings = { intake: [], taskVisible: [], wholeCase: [] };
  const cpuBefore = await processCpu({ state, services, url });
  const began = performance.now();
  const failed = await runPool(CASES, CONCURRENCY, () => lifecycle(timings));
  const elapsed = (performance.now() - began) / 1000;
  const cpuAfter = await processCpu({ state, services, url });
  const done = CASES - failed;
  console.log(
    `\ncomplete lifecycles   ${done} in ${elapsed.toFixed(1)} s = ${(done / elapsed).toFixed(2)} per second`,
  );
  console.log(`intake API            ${percentiles(timings.intake)}`);
  console.log(`event → task visible  ${percentiles(timings.taskVisible)}`);
  console.log(`whole case            ${percentiles(timings.wholeCase)}`);

  const steps = 5; // 受理, 审核, 决定, 用印, 送达: the steps of the route above
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
  printCpu(cpuBefore, cpuAfter, done);

  console.log('\ntarget for a later tuning pass: ≥ 50 complete lifecycles per second on a 2-core machine');
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
