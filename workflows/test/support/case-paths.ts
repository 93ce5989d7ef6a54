import { join } from 'node:path';

/**
 * The paths a case takes through its workflow (行政许可法's stages as the workflow models them). Each has a recorded
 * history under test/histories that every later version of the workflow must replay.
 */
export const CASE_PATHS = [
  'approved',
  'correction-loop',
  'special-procedure',
  'extension',
  'withdrawal',
  'refused-at-acceptance',
  'refused-after-acceptance',
  'returned-to-earlier-step',
  'correction-expired',
  'late-with-warnings',
] as const;

export type CasePathName = (typeof CASE_PATHS)[number];

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

export const historyPathOf = (name: CasePathName) => join(HISTORIES_DIR, `case-${name}.json`);
