#!/usr/bin/env node
// Part of `npm run bench`: N bare workflows of the case's shape (per step: activity, update, activity) on the
// running Temporal, C at a time. Prints one JSON line {elapsed, durations} for bench.mjs.
// Usage: node bare-ceiling.mjs N C STEPS
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const { Client, Connection } = require('@temporalio/client');
const { DefaultLogger, NativeConnection, Runtime, Worker } = require('@temporalio/worker');
Runtime.install({ logger: new DefaultLogger(process.env.BENCH_LOG_LEVEL ?? 'WARN') });
const { bareStepsWorkflow, bareDecideSignal } = require('@oneseal/workflows');

const [cases, concurrency, steps] = process.argv.slice(2).map(Number);
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const taskQueue = `oneseal.bench-bare-${randomUUID().slice(0, 8)}`;

const worker = await Worker.create({
  connection: await NativeConnection.connect({ address }),
  taskQueue,
  workflowsPath: require.resolve('@oneseal/workflows'),
  activities: { openStep: async () => undefined, closeStep: async () => undefined },
});
const client = new Client({ connection: await Connection.connect({ address }) });

async function one(durations) {
  const started = performance.now();
  const handle = await client.workflow.start(bareStepsWorkflow, {
    taskQueue,
    workflowId: `bench-bare-${randomUUID()}`,
    args: [steps],
  });
  for (let step = 0; step < steps; step += 1) {
    await handle.signal(bareDecideSignal, step);
  }
  await handle.result();
  durations.push(performance.now() - started);
}

const durations = [];
const began = performance.now();
await worker.runUntil(
  (async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, cases) }, async () => {
        while (next < cases) {
          next += 1;
          await one(durations);
        }
      }),
    );
  })(),
);
console.log(JSON.stringify({ elapsed: (performance.now() - began) / 1000, durations }));
process.exit(0);
