import { Context } from '@temporalio/activity';

/**
 * The same activities, each telling the Temporal server it is still at work every `everyMs` while it runs. One that
 * ends sooner sends nothing. With a heartbeat timeout in the workflow's activity options, an attempt the server
 * recorded as started but whose task never reached a worker (a server short of CPU loses its answer to the poll) is
 * tried again once that timeout passes, instead of when the whole attempt's time runs out; an attempt that is slow
 * but alive keeps its time.
 */
export function heartbeatingActivities<T extends object>(activities: T, everyMs: number): T {
  const beating: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities)) {
    if (typeof activity !== 'function') {
      beating[name] = activity;
      continue;
    }
    beating[name] = async (...args: unknown[]) => {
      const context = Context.current();
      const beat = setInterval(() => context.heartbeat(), everyMs);
      try {
        return await (activity as (...given: unknown[]) => Promise<unknown>).apply(activities, args);
      } finally {
        clearInterval(beat);
      }
    };
  }
  return beating as T;
}
