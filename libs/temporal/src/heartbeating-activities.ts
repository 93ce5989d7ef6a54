import { Context } from '@temporalio/activity';
import { wrappedActivities } from './wrapped-activities';

/**
 * The same activities, each telling the Temporal server it is still at work every `everyMs` while it runs. One that
 * ends sooner sends nothing. With a heartbeat timeout in the workflow's activity options, an attempt the server
 * recorded as started but whose task never reached a worker (a server short of CPU loses its answer to the poll) is
 * tried again once that timeout passes, instead of when the whole attempt's time runs out; an attempt that is slow
 * but alive keeps its time.
 */
export function heartbeatingActivities<T extends object>(activities: T, everyMs: number): T {
  return wrappedActivities(activities, (_name, call) => async (...args) => {
    const context = Context.current();
    const beat = setInterval(() => context.heartbeat(), everyMs);
    try {
      return await call(...args);
    } finally {
      clearInterval(beat);
    }
  });
}
