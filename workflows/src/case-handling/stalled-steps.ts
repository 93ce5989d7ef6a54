import { BAD_DATA_FAILURE, type BadDataDetails } from '@oneseal/contracts/workflow';
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/**
 * The activity's bad-data failure (see BAD_DATA_FAILURE), when that is why it failed. An activity task's failure comes
 * wrapped in an ActivityFailure; a local activity's comes as the activity threw it.
 */
export function badDataOf(error: unknown): BadDataFailure | undefined {
  return badDataIn(error instanceof ActivityFailure ? error.cause : error);
}

/**
 * An activity task's bad-data failure only: how the guard knew them before v13 of the recorded histories, when a local
 * activity refused on bad data failed the whole case instead.
 */
export function activityTaskBadDataOf(error: unknown): BadDataFailure | undefined {
  return error instanceof ActivityFailure ? badDataIn(error.cause) : undefined;
}

type BadDataFailure = { code: string; message: string };

function badDataIn(cause: unknown): BadDataFailure | undefined {
  if (!(cause instanceof ApplicationFailure) || cause.type !== BAD_DATA_FAILURE) return undefined;
  const details = cause.details?.[0] as Partial<BadDataDetails> | undefined;
  return { code: typeof details?.code === 'string' ? details.code : 'UNKNOWN', message: cause.message };
}

/** Where a stalled step waits: flags the case and resolves once someone asks to try again. */
export type StallHandler = (activity: string, failure: BadDataFailure) => Promise<void>;

/**
 * The same activities, except that one failing on bad data does not fail the case: the case stalls (flagged, on
 * the record) until the data is put right and a retry is asked for, then the same call runs again. Any other
 * failure is thrown as before. Deterministic: it only adds commands after a failure recorded in the history.
 */
export function retriedAfterFix<T extends object>(
  activities: T,
  stall: StallHandler,
  badData: (error: unknown) => BadDataFailure | undefined = badDataOf,
): T {
  return new Proxy(activities, {
    get(target, property, receiver) {
      const activity: unknown = Reflect.get(target, property, receiver);
      if (typeof activity !== 'function' || typeof property !== 'string') return activity;
      return async (...args: unknown[]) => {
        for (;;) {
          try {
            return await (activity as (...given: unknown[]) => Promise<unknown>)(...args);
          } catch (error) {
            const failure = badData(error);
            if (!failure) throw error;
            await stall(property, failure);
          }
        }
      };
    },
  });
}
