import { BAD_DATA_FAILURE, type BadDataDetails } from '@oneseal/contracts/workflow';
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/** The activity's bad-data failure (see BAD_DATA_FAILURE), when that is why it failed. */
export function badDataOf(error: unknown): { code: string; message: string } | undefined {
  if (!(error instanceof ActivityFailure)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== BAD_DATA_FAILURE) return undefined;
  const details = cause.details?.[0] as Partial<BadDataDetails> | undefined;
  return { code: typeof details?.code === 'string' ? details.code : 'UNKNOWN', message: cause.message };
}

/** Where a stalled step waits: flags the case and resolves once someone asks to try again. */
export type StallHandler = (activity: string, failure: { code: string; message: string }) => Promise<void>;

/**
 * The same activities, except that one failing on bad data does not fail the case: the case stalls (flagged, on
 * the record) until the data is put right and a retry is asked for, then the same call runs again. Any other
 * failure is thrown as before. Deterministic: it only adds commands after a failure recorded in the history.
 */
export function retriedAfterFix<T extends object>(activities: T, stall: StallHandler): T {
  return new Proxy(activities, {
    get(target, property, receiver) {
      const activity: unknown = Reflect.get(target, property, receiver);
      if (typeof activity !== 'function' || typeof property !== 'string') return activity;
      return async (...args: unknown[]) => {
        for (;;) {
          try {
            return await (activity as (...given: unknown[]) => Promise<unknown>)(...args);
          } catch (error) {
            const failure = badDataOf(error);
            if (!failure) throw error;
            await stall(property, failure);
          }
        }
      };
    },
  });
}
