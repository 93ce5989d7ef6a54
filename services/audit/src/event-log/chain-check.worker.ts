import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { CHAIN_ROWS_SQL, checkStreams, type ChainCheckJob, type ChainRowText } from './chain-check';

/**
 * A verification thread (see ChainCheckPool). It reads its batches itself, on a connection of its own: handing rows
 * over from the service's thread cost as much as checking them (a structured clone of every row, twice). Batches
 * are answered in the order they came; the next one is read while this one is checked.
 */
const port = parentPort;
if (!port) throw new Error('chain-check.worker runs as a worker thread of the audit service');
const { databaseUrl } = workerData as { databaseUrl: string };

let client: Promise<Client> | undefined;
const connected = (): Promise<Client> => {
  client ??= (async () => {
    const opened = new Client({ connectionString: databaseUrl, application_name: 'oneseal-audit-verify' });
    // A dropped connection is opened again for the next batch.
    opened.on('error', () => (client = undefined));
    await opened.connect();
    return opened;
  })().catch((error: unknown) => {
    client = undefined;
    throw error;
  });
  return client;
};

let previous: Promise<unknown> = Promise.resolve();
port.on('message', (job: ChainCheckJob) => {
  const reading = connected().then((db) => db.query<ChainRowText>(CHAIN_ROWS_SQL, [job.streamIds]));
  reading.catch(() => undefined);
  previous = previous.then(async () => {
    try {
      const { rows } = await reading;
      port.postMessage({ checked: checkStreams(job, rows) });
    } catch (error) {
      port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
    }
  });
});
