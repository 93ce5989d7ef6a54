// A worker of the bench's bare workflow in a process of its own, so that the test starting it sets its environment
// (jest gives a test a copy of process.env, which the SDK's workflow threads never see).
// Usage (from a test, with an IPC channel): node stack-trace-worker.mjs <address> <namespace> <task queue> <bundle>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { DefaultLogger, NativeConnection, Runtime, Worker } = require('@temporalio/worker');
Runtime.install({ logger: new DefaultLogger('WARN') });

const [address, namespace, taskQueue, codePath] = process.argv.slice(2);

// Never outlives the test that started it.
process.on('disconnect', () => process.exit(0));

const worker = await Worker.create({
  connection: await NativeConnection.connect({ address }),
  namespace,
  taskQueue,
  workflowBundle: { codePath },
  activities: { openStep: async () => undefined, closeStep: async () => undefined },
});
process.send({ running: true });
await worker.run();
