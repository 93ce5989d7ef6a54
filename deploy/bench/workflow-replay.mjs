#!/usr/bin/env node
// Part of `npm run bench`: the CPU routing's workflow thread spends on one case, without the engines — a recorded
// case replayed REPLAYS times through the case workflow (Temporal's replayer: the workflow code, the SDK's workflow
// sandbox and its deadlock guard), after WARMUP replays not counted. Whole bench runs vary by a tenth or more from one
// run to the next; this figure varies by a few percent, so a change to the workflow or the SDK shows here first.
// Prints one JSON line {history, replays, cpuMsPerCase, wallMsPerCase} for bench.mjs.
// Usage: node workflow-replay.mjs [REPLAYS] [WARMUP]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { root } from '../local/local-system.mjs';

const require = createRequire(import.meta.url);
const { bundleWorkflowCode, DefaultLogger, Runtime, Worker } = require('@temporalio/worker');
Runtime.install({ logger: new DefaultLogger(process.env.BENCH_LOG_LEVEL ?? 'WARN') });

/** An approved case of the current workflow version, from filing to its 送达 at the window (recorded by case-paths.int-spec). */
const HISTORY = join(root, 'workflows/test/histories/case-approved.v13.json');

const [replays = 300, warmup = 30] = process.argv.slice(2).map(Number);
const history = JSON.parse(readFileSync(HISTORY, 'utf8'));
const workflowBundle = await bundleWorkflowCode({
  workflowsPath: require.resolve('@oneseal/workflows'),
  logger: new DefaultLogger('WARN'),
});

async function replay(count) {
  const inputs = Array.from({ length: count }, (_, index) => ({ workflowId: `replay-${index}`, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle }, inputs)) {
    if (result.error) throw result.error;
  }
}

await replay(warmup);
const cpu = process.cpuUsage();
const began = performance.now();
await replay(replays);
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    history: basename(HISTORY, '.json'),
    replays,
    cpuMsPerCase: (used.user + used.system) / 1000 / replays,
    wallMsPerCase: (performance.now() - began) / replays,
  }),
);
process.exit(0);
