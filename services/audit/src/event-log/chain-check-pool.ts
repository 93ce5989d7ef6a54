import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChainCheckJob, StreamChecked } from './chain-check';

/**
 * The compiled thread, from wherever this module runs: the service's dist, or its sources under jest (which never
 * runs a worker from TypeScript; npm test builds dist first).
 */
const WORKER_FILE = path.resolve(__dirname, '..', '..', 'dist', 'event-log', 'chain-check.worker.js');

/** Batches a thread holds at once: the one it checks and the one it reads meanwhile. */
const BATCHES_PER_THREAD = 2;

/**
 * How long the threads stay once every batch is answered: an auditor's next verification within it finds them
 * ready; after it they end, and the service gives back what they held (about 250 MB and a database connection each
 * after a town's verification).
 */
export const THREADS_KEPT_IDLE_MS = 60_000;

interface Waiting {
  job: ChainCheckJob;
  resolve: (checked: StreamChecked[]) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Answered in this order. */
  holding: Waiting[];
}

type Answer = { checked: StreamChecked[] } | { failed: string };

/**
 * Reads and checks batches of chains on worker threads: verifying a place is bound by parsing, canonical JSON and
 * HMAC (about 13 µs an event on one core), which threads spread over every core. Threads start with the first batch
 * and stay for the next verification until the pool has been idle for `keptIdleMs`; a thread that dies fails the
 * batches it held, and the next batch starts another.
 */
export class ChainCheckPool {
  private readonly threads: Thread[] = [];
  private readonly waiting: Waiting[] = [];
  private closed = false;
  private idleTimer?: NodeJS.Timeout;

  constructor(
    readonly size: number,
    private readonly databaseUrl: string,
    private readonly workerFile = WORKER_FILE,
    private readonly keptIdleMs = THREADS_KEPT_IDLE_MS,
  ) {
    if (size < 1) throw new Error('a chain check pool needs at least one thread');
  }

  /** Threads running now (none before the first batch and once idle long enough). */
  get threadCount(): number {
    return this.threads.length;
  }

  /** How many batches the threads take at once: more handed over wait in the pool. */
  get capacity(): number {
    return this.size * BATCHES_PER_THREAD;
  }

  check(job: ChainCheckJob): Promise<StreamChecked[]> {
    if (this.closed) return Promise.reject(new Error('chain check pool is closed'));
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the threads; a verification still running is answered with an error, never left waiting. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    const closed = new Error('chain check pool is closed');
    for (const waiting of this.waiting.splice(0)) waiting.reject(closed);
    const threads = this.threads.splice(0);
    for (const thread of threads) for (const held of thread.holding.splice(0)) held.reject(closed);
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const thread = this.leastBusy();
      if (!thread) return;
      const next = this.waiting.shift() as Waiting;
      thread.holding.push(next);
      thread.worker.postMessage(next.job);
    }
  }

  private leastBusy(): Thread | undefined {
    const idle = this.threads.find((thread) => thread.holding.length === 0);
    if (idle) return idle;
    if (this.threads.length < this.size) return this.startThread();
    return this.threads.find((thread) => thread.holding.length < BATCHES_PER_THREAD);
  }

  /** Once nothing is held or waiting, the threads end after `keptIdleMs` unless a batch comes first. */
  private endThreadsOnceIdle(): void {
    if (this.closed || this.idleTimer || this.waiting.length > 0) return;
    if (this.threads.some((thread) => thread.holding.length > 0)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      // Taken out of the pool first: their exit is theirs to make, not a loss to answer.
      for (const { worker } of this.threads.splice(0)) void worker.terminate();
    }, this.keptIdleMs);
    this.idleTimer.unref();
  }

  private startThread(): Thread {
    const thread: Thread = {
      worker: new Worker(this.workerFile, { workerData: { databaseUrl: this.databaseUrl } }),
      holding: [],
    };
    // An idle thread must not keep the service's process alive at shutdown.
    thread.worker.unref();
    thread.worker.on('message', (answer: Answer) => {
      const done = thread.holding.shift();
      if ('checked' in answer) done?.resolve(answer.checked);
      else done?.reject(new Error(`chain check failed: ${answer.failed}`));
      this.dispatch();
      this.endThreadsOnceIdle();
    });
    const lost = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index < 0) return;
      this.threads.splice(index, 1);
      for (const held of thread.holding.splice(0)) held.reject(error);
      if (this.closed) return;
      this.dispatch();
      // The last batches may have ended with this thread: the others must not stay for good.
      this.endThreadsOnceIdle();
    };
    thread.worker.on('error', lost);
    thread.worker.on('exit', (code) => lost(new Error(`chain check thread exited (${code})`)));
    this.threads.push(thread);
    return thread;
  }
}
