import { parentPort } from 'node:worker_threads';
import { checkStreams, type ChainCheckJob } from './chain-check';

/** A verification thread (see ChainCheckPool): checks one batch of streams at a time and answers with verdicts. */
const port = parentPort;
if (!port) throw new Error('chain-check.worker runs as a worker thread of the audit service');
port.on('message', (job: ChainCheckJob) => {
  try {
    port.postMessage({ checked: checkStreams(job) });
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
});
