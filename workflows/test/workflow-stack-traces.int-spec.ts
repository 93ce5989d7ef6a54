import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { engineEndpoints } from '@oneseal/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bareDecideSignal, bareStepsWorkflow } from '../src';
import { within, workflowBundleFile, type WorkflowBundleFile } from './support/case-harness';

/**
 * patches/@temporalio+worker+1.13.1.patch: the SDK keeps a stack of every promise a workflow creates, for Temporal's
 * stack-trace query, only when WORKFLOW_STACK_TRACES=on (routing's env); otherwise the query has nothing to show.
 * Fails when the patch is not applied (npm ci runs patch-package) or no longer takes effect after an SDK upgrade.
 */
describe("the SDK's workflow stack traces (patched: off unless WORKFLOW_STACK_TRACES=on)", () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleFile | undefined;

  beforeAll(async () => {
    const testServer = engineEndpoints().temporalTestServer;
    if (!testServer) throw new Error('TEMPORAL_TEST_SERVER is not set: run through `npm test`');
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServer } },
    });
    bundle = await workflowBundleFile();
  }, 120_000);

  afterAll(async () => {
    await env?.teardown();
    await bundle?.remove();
  });

  /**
   * The stack-trace query's answer for a bare workflow at its first step, run by a worker process whose environment
   * has WORKFLOW_STACK_TRACES as given.
   */
  async function stackOfAWaitingWorkflow(setting: string | undefined): Promise<string> {
    if (!bundle) throw new Error('the workflow code was not bundled');
    const taskQueue = `stack-${randomUUID().slice(0, 8)}`;
    const childEnv = { ...process.env };
    if (setting === undefined) delete childEnv.WORKFLOW_STACK_TRACES;
    else childEnv.WORKFLOW_STACK_TRACES = setting;
    const child = fork(
      join(__dirname, 'support/stack-trace-worker.mjs'),
      [env.connection.options.address, env.namespace ?? 'default', taskQueue, bundle.codePath],
      { env: childEnv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
    );
    try {
      await within(
        'the worker process to run',
        new Promise<void>((resolve, reject) => {
          child.once('message', () => resolve());
          child.once('exit', () => reject(new Error('the worker process ended before it ran')));
        }),
      );
      const handle = await env.client.workflow.start(bareStepsWorkflow, {
        taskQueue,
        workflowId: `stack-${randomUUID()}`,
        args: [1],
      });
      // Asked once the workflow has run its first task and waits for its first step's activity or decision.
      await within(
        'the first step to be scheduled',
        (async () => {
          for (;;) {
            const { events } = await handle.fetchHistory();
            if (events?.some((event) => event.activityTaskScheduledEventAttributes)) return;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        })(),
      );
      const stack = await handle.query<string>('__stack_trace');
      await handle.signal(bareDecideSignal, 0);
      await within('the workflow to end', handle.result());
      return stack;
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // The worker process leaves at once when its channel closes (a Temporal worker stopping gracefully waits for
        // its long polls to end); one whose channel is gone already, or that does not leave, is killed.
        if (child.connected) child.disconnect();
        else child.kill('SIGKILL');
        await within('the worker process to stop', exited).catch((error: unknown) => {
          child.kill('SIGKILL');
          throw error;
        });
      }
    }
  }

  it('keeps no stacks unless turned on, and then shows where the workflow waits', async () => {
    expect(await stackOfAWaitingWorkflow(undefined)).toBe('');
    expect(await stackOfAWaitingWorkflow('off')).toBe('');
    expect(await stackOfAWaitingWorkflow('on')).toMatch(/bare-steps\.workflow\.ts:\d+/);
  }, 60_000);
});
