import { BAD_DATA_FAILURE, type BadDataDetails } from '@oneseal/contracts/workflow';
import { ActivityFailure, ApplicationFailure, patched } from '@temporalio/workflow';

/**
 * From this change on (2026-12-08, with v13 of the recorded histories) a local activity refused on bad data stalls
 * the case like any other step. Before, the guard knew only an activity task's failure, which comes wrapped in an
 * ActivityFailure; a local activity's comes as the activity threw it, and such a refusal failed the whole case. Asked
 * when such a failure arrives, so that a case that failed that way still replays as it ran (its history has no
 * marker there: a query of it replays it), while any other case, whenever it started, stalls.
 */
export const LOCAL_BAD_DATA_STALLS = 'local-bad-data-stalls';

/** The activity's bad-data failure (see BAD_DATA_FAILURE), when that is why it failed and the case stalls for it. */
export function badDataOf(error: unknown): BadDataFailure | undefined {
  if (error instanceof ActivityFailure) return badDataIn(error.cause);
  const failure = badDataIn(error);
  return failure && patched(LOCAL_BAD_DATA_STALLS) ? failure : undefined;
}

/**
 * An activity task's bad-data failure only: a local activity's refusal is not known as one (as the guard was before
 * LOCAL_BAD_DATA_STALLS; the deadlines counted ahead before v13 replay through it).
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
