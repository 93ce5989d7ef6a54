// The case workflow's worker as routing runs it (the calendar and the milestones as local activities), in a process
// of its own that is killed -9 right after it has announced a case's acceptance: the announcement is done, the
// workflow task that made it is not recorded. Its local activities are carried out by the parent test, over the IPC
// channel, so both workers count the same calendar and the test sees what this one announced before the kill.
// Usage (from a test, with an IPC channel): node killed-case-worker.mjs <address> <namespace> <task queue> <bundle>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { NativeConnection, Worker } = require('@temporalio/worker');

const [address, namespace, taskQueue, codePath] = process.argv.slice(2);

// Never outlives the test that started it.
process.on('disconnect', () => process.exit(1));

const answers = new Map();
let calls = 0;
process.on('message', ({ answer, result, error }) => {
  const waiting = answers.get(answer);
  answers.delete(answer);
  if (error) waiting?.reject(new Error(error));
  else waiting?.resolve(result);
});

/** One local activity, carried out by the parent. */
function ask(activity, input) {
  const call = ++calls;
  return new Promise((resolve, reject) => {
    answers.set(call, { resolve, reject });
    process.send({ call, activity, input });
  });
}

const activities = {
  computeDeadline: (request) => ask('computeDeadline', request),
  async announce(milestone) {
    await ask('announce', milestone);
    if (milestone.kind === 'accepted') process.kill(process.pid, 'SIGKILL');
  },
};

const connection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection,
  namespace,
  taskQueue,
  workflowBundle: { codePath },
  activities,
});
process.send({ running: true });
await worker.run();
