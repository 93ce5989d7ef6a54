import { createRequire } from 'node:module';

/**
 * kafkajs 2.2.4 (the last release) re-arms a timer for its request queue every time it looks at it, even when nothing
 * waits and nothing is throttled — with a negative delay, so about every millisecond, on every broker connection, for
 * as long as the process lives (tulios/kafkajs#1556, #1704; the fix, #1667, was never released). Each idle service
 * spent 2–3% of a core spinning there. A queue with nothing pending and no throttle needs no timer: a request that
 * cannot go at once is queued as pending (and arms one), and every answered request looks at the queue again.
 */
interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

const PATCHED = Symbol.for('oneseal.kafkajs-idle-loop');

/** The release this mends; a later one has its own request queue, left as it is. */
const MENDED_RELEASE = '2.2.4';

export function stopKafkajsIdleLoop(): void {
  const kafkajs = createRequire(require.resolve('kafkajs'));
  if ((kafkajs('./package.json') as { version: string }).version !== MENDED_RELEASE) return;
  const requestQueue = kafkajs('./src/network/requestQueue') as {
    prototype: RequestQueueLike & { [PATCHED]?: true };
  };
  const queue = requestQueue.prototype;
  if (queue[PATCHED] || typeof queue.scheduleCheckPendingRequests !== 'function') return;
  const schedule = queue.scheduleCheckPendingRequests;
  queue.scheduleCheckPendingRequests = function (this: RequestQueueLike) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
  queue[PATCHED] = true;
}

stopKafkajsIdleLoop();
