import type { Client } from '@temporalio/client';

/** Ends the workflows a test started (no worker polls the test namespace's queues, so they would wait forever). */
export async function endStartedWorkflows(temporal: Client, workflowIds: readonly string[]): Promise<void> {
  await Promise.all(
    workflowIds.map((id) =>
      temporal.workflow
        .getHandle(id)
        .terminate('test finished')
        .catch(() => undefined),
    ),
  );
}
