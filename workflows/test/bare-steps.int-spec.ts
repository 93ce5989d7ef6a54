import { randomUUID } from 'node:crypto';
import { engineEndpoints } from '@oneseal/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { bareDecideSignal, bareStepsWorkflow } from '../src';
import { within } from './support/case-harness';

// The benchmark's ceiling workflow: `npm run bench` sends every decision at once, as this test does.
describe('bench: the bare steps workflow (Temporal time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    const testServer = engineEndpoints().temporalTestServer;
    if (!testServer) throw new Error('TEMPORAL_TEST_SERVER is not set: run through `npm test`');
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testServer } },
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('finishes when every decision arrives before the first step has opened, each step opened and closed once', async () => {
    const taskQueue = `bench-${randomUUID()}`;
    const calls: string[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../src'),
      activities: {
        openStep: async (step: number) => void calls.push(`open ${step}`),
        closeStep: async (step: number) => void calls.push(`close ${step}`),
      },
    });
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(bareStepsWorkflow, {
        taskQueue,
        workflowId: `bench-bare-${randomUUID()}`,
        args: [3],
      });
      for (let step = 0; step < 3; step += 1) await handle.signal(bareDecideSignal, step);
      return within('the bare workflow to end', handle.result());
    });
    expect(result).toBe(3);
    expect(calls).toEqual(['open 0', 'close 0', 'open 1', 'close 1', 'open 2', 'close 2']);
  });
});
