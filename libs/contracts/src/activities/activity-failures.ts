/**
 * The failure type an activity ends with when the data it was given can never be stored or processed (a value the
 * database refuses, a row breaking a rule): non-retryable, so the workflow flags the case for attention instead of
 * retrying for ever. Workflow-safe: a plain constant.
 */
export const BAD_DATA_FAILURE = 'OneSealBadData';

/** What a bad-data failure carries besides its message. */
export interface BadDataDetails {
  /** The database's SQLSTATE, or another stable code. */
  code: string;
}
