import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkStreams, type ChainCheckJob, type StreamChecked } from './chain-check';

/**
 * The compiled thread, from wherever this module runs: the service's dist, or its sources under jest (which never
 * runs a worker from TypeScript; npm test builds dist first).
 */
const WORKER_FILE = path.resolve(__dirname, '..', '..', 'dist', 'event-log', 'chain-check.worker.js');

interface Waiting {
  job: ChainCheckJob;
  resolve: (checked: StreamChecked[]) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  current?: Waiting;
}

type Answer = { checked: StreamChecked[] } | { failed: string };

/**
 * Checks batches of chains on worker threads, one batch per thread at a time: verifying a place is bound by
 * parsing, canonical JSON and HMAC (about 13 µs an event on one core), which threads spread over every core while the
 * main thread reads the next batch. With no threads (size 0) batches are checked on the calling thread.
 * Threads start on the first batch and stay for the next verification; a thread that dies fails its batch only.
 */
export class ChainCheckPool {
  private readonly threads: Thread[] = [];
  private readonly waiting: Waiting[] = [];
  private closed = false;

  constructor(
    readonly size: number,
    private readonly workerFile = WORKER_FILE,
  ) {}

  check(job: ChainCheckJob): Promise<StreamChecked[]> {
    if (this.size === 0) return Promise.resolve().then(() => checkStreams(job));
    if (this.closed) return Promise.reject(new Error('chain check pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads.splice(0);
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const thread = this.threads.find((candidate) => !candidate.current) ?? this.startThread();
      if (!thread) return;
      const next = this.waiting.shift() as Waiting;
      thread.current = next;
      thread.worker.postMessage(next.job);
    }
  }

  private startThread(): Thread | undefined {
    if (this.threads.length >= this.size) return undefined;
    const thread: Thread = { worker: new Worker(this.workerFile) };
    // An idle thread must not keep the service's process alive at shutdown.
    thread.worker.unref();
    thread.worker.on('message', (answer: Answer) => {
      const done = thread.current;
      thread.current = undefined;
      if ('checked' in answer) done?.resolve(answer.checked);
      else done?.reject(new Error(`chain check failed: ${answer.failed}`));
      this.dispatch();
    });
    const lost = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index < 0) return;
      this.threads.splice(index, 1);
      thread.current?.reject(error);
      thread.current = undefined;
      if (!this.closed) this.dispatch();
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(new Error(`chain check thread exited (${code})`)));
    this.threads.push(thread);
    return thread;
  }
}
