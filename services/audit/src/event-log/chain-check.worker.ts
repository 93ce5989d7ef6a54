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

/** A connection idle this long is closed: verifications are rare, and a connection kept for days may be cut silently. */
const IDLE_CLOSE_MS = 30_000;
/** A batch is 500 streams; one that takes this long is a connection gone dead, not a slow read. */
const QUERY_TIMEOUT_MS = 120_000;

let client: Promise<Client> | undefined;
let idle: NodeJS.Timeout | undefined;
const connected = (): Promise<Client> => {
  clearTimeout(idle);
  client ??= (async () => {
    const opened = new Client({
      connectionString: databaseUrl,
      application_name: 'oneseal-audit-verify',
      keepAlive: true,
      query_timeout: QUERY_TIMEOUT_MS,
    });
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
/** Batches handed over and not yet answered: the connection is closed only when there are none. */
let holding = 0;
const closeWhenIdle = () => {
  clearTimeout(idle);
  if (holding > 0) return;
  idle = setTimeout(() => {
    const closing = client;
    client = undefined;
    void closing?.then((db) => db.end()).catch(() => undefined);
  }, IDLE_CLOSE_MS);
  idle.unref();
};

let previous: Promise<unknown> = Promise.resolve();
port.on('message', (job: ChainCheckJob) => {
  holding += 1;
  const reading = connected().then((db) => db.query<ChainRowText>(CHAIN_ROWS_SQL, [job.streamIds]));
  reading.catch(() => undefined);
  previous = previous.then(async () => {
    try {
      const { rows } = await reading;
      port.postMessage({ checked: checkStreams(job, rows) });
    } catch (error) {
      port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
    }
    holding -= 1;
    closeWhenIdle();
  });
});
