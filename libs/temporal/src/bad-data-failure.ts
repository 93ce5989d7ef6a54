import { ApplicationFailure } from '@temporalio/common';
import { BAD_DATA_FAILURE, type BadDataDetails } from '@oneseal/contracts';
import { wrappedActivities } from './wrapped-activities';

/**
 * PostgreSQL refusing the data itself, which no retry changes: class 22 (data exceptions: a NUL in text, a value
 * out of range, malformed input) and the rule violations that are not races (NOT NULL, CHECK). Unique and foreign
 * key violations are left to retry: they are how idempotent writes and ordering races show.
 */
export function badDataCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  return code.startsWith('22') || code === '23502' || code === '23514' ? code : undefined;
}

/**
 * Wraps a worker's activities so one that fails on bad data ends non-retryable, typed BAD_DATA_FAILURE: the case
 * workflow then flags the case for attention instead of the activity retrying for ever. Everything else is
 * thrown as it was (and retried by the workflow's policy).
 */
export function failOnBadData<T extends object>(activities: T): T {
  return wrappedActivities(activities, (name, call) => async (...args) => {
    try {
      return await call(...args);
    } catch (error) {
      const code = badDataCode(error);
      if (!code) throw error;
      const details: BadDataDetails = { code };
      throw ApplicationFailure.create({
        type: BAD_DATA_FAILURE,
        nonRetryable: true,
        message: `${name}: the database refused the data (${code}): ${error instanceof Error ? error.message : String(error)}`,
        details: [details],
        cause: error instanceof Error ? error : undefined,
      });
    }
  });
}
