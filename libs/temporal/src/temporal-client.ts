import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from './temporal-config';

export async function connectTemporalClient(config: TemporalConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.address });
  return new Client({ connection, namespace: config.namespace });
}

/** A real round trip to the frontend: the namespace must exist, not just the port be open. */
export async function checkTemporal(client: Client): Promise<void> {
  await client.workflowService.describeNamespace({ namespace: client.options.namespace });
}
