// The case workflow's worker as routing runs it (the calendar and the milestones as local activities), in a process
// of its own that is killed -9 right after it has announced a case's acceptance: the announcement is done, the
// workflow task that made it is not recorded. Each announcement is told to the parent test before the kill.
// Usage (from a test, with an IPC channel): node killed-case-worker.mjs <address> <namespace> <task queue> <bundle>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { NativeConnection, Worker } = require('@temporalio/worker');
const { WorkingDayCalendar } = require('@oneseal/domain');

const [address, namespace, taskQueue, codePath] = process.argv.slice(2);
const calendar = WorkingDayCalendar.official();

const activities = {
  async computeDeadline({ startDate, workingDays, stops }) {
    const due = calendar.addWorkingDays(
      startDate,
      workingDays,
      stops.map((stop) => ({ ...stop, reason: 'stop' })),
    );
    if (due.kind !== 'due') throw new Error('a deadline cannot be computed while a clock stop is open');
    return { dueDate: due.date, provisional: due.provisional };
  },
  async announce(milestone) {
    await new Promise((resolve) => process.send({ milestone }, resolve));
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
