import type { Client } from '@temporalio/client';

/** A real round trip to the frontend: the namespace must exist, not just the port be open. */
export async function checkTemporal(client: Client): Promise<void> {
  await client.workflowService.describeNamespace({ namespace: client.options.namespace });
}
