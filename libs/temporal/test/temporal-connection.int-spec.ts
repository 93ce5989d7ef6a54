import { randomUUID } from 'node:crypto';
import { engineEndpoints, eventually } from '@oneseal/testing';
import { TemporalConnection, WorkerHost } from '../src';
import { greetingWorkflow } from './support/greeting.workflow';

/** How many workflows of this task queue the server started eagerly, from its own counter (its /metrics). */
async function eagerStartsOn(taskQueue: string): Promise<number> {
  const text = await (await fetch(engineEndpoints().metrics.temporal)).text();
  const label = `taskqueue="${taskQueue.replace(/[^a-zA-Z0-9_]/g, '_')}"`;
  const line = text
    .split('\n')
    .find((row) => row.startsWith('workflow_eager_execution{') && row.includes(label));
  return line ? Number(line.trim().split(/\s+/).at(-1)) : 0;
}

describe('TemporalConnection: one connection for a service’s client and its workers (real Temporal)', () => {
  const { temporalAddress, temporalNamespace } = engineEndpoints();
  const temporal = { address: temporalAddress, namespace: temporalNamespace };

  /** A worker on the shared connection, greeting by name; with the workflows when it must bundle them (seconds). */
  const workerOn = (connection: TemporalConnection, taskQueue: string, withWorkflows: boolean) =>
    new WorkerHost({
      temporal,
      connection,
      taskQueue,
      ...(withWorkflows ? { workflowsPath: require.resolve('./support/greeting.workflow') } : {}),
      activities: { greet: async (name: string) => `您好，${name}` },
      logger: { log: () => undefined, error: () => undefined },
      onFatal: (error) => {
        throw error;
      },
    });

  it('hands a workflow started on it its first workflow task with the start, when its own worker polls the queue', async () => {
    const taskQueue = `eager_${randomUUID().replace(/-/g, '')}`;
    const connection = await TemporalConnection.open(temporal);
    const worker = workerOn(connection, taskQueue, true);
    try {
      await worker.start();
      const handle = await connection.client.workflow.start(greetingWorkflow, {
        taskQueue,
        workflowId: `eager-${randomUUID()}`,
        requestEagerStart: true,
        args: ['张三'],
      });
      expect(await handle.result()).toBe('您好，张三');
      // The server publishes its counters about once a second.
      const eager = await eventually(
        'the server to count the eager start',
        async () => (await eagerStartsOn(taskQueue)) || undefined,
        { timeoutMs: 10_000, intervalMs: 250 },
      );
      expect(eager).toBe(1);
    } finally {
      // Closing stops the worker first: Temporal refuses to close a connection a worker still holds.
      await connection.close();
    }
    expect(worker.state).toBe('STOPPED');
  });

  it('closes after its workers however the service’s shutdown orders them, each worker drained once', async () => {
    const connection = await TemporalConnection.open(temporal);
    const worker = workerOn(connection, `shared_${randomUUID()}`, false);
    await worker.start();
    expect(worker.state).toBe('RUNNING');
    // The service's worker provider and the connection's own shutdown run side by side.
    await Promise.all([worker.stop(), connection.close(), connection.close()]);
    expect(worker.state).toBe('STOPPED');
    await expect(connection.client.workflowService.getSystemInfo({})).rejects.toThrow();
  });

  it('leaves nothing polling when the service stops while a worker is still being created', async () => {
    const connection = await TemporalConnection.open(temporal);
    // Bundling the workflows takes seconds: the stop arrives in the middle of it.
    const worker = workerOn(connection, `starting_${randomUUID()}`, true);
    const starting = worker.start();
    await connection.close();
    await starting;
    expect(worker.state).toBe('STOPPED');
    // A worker may no longer start on a connection that closed.
    const late = workerOn(connection, `late_${randomUUID()}`, false);
    await expect(late.start()).rejects.toThrow('the Temporal connection is closing');
  });
});
