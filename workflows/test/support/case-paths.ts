import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The paths a case takes through its workflow (行政许可法's stages as the workflow models them). Each has a recorded
 * history under test/histories that every later version of the workflow must replay.
 */
export const CASE_PATHS = [
  'approved',
  'special-procedure',
  'extension',
  'withdrawal',
  'refused-at-acceptance',
  'refused-after-acceptance',
  'returned-to-earlier-step',
  'correction-expired',
  'late-with-warnings',
  'withdrawn-during-correction',
  'correction-before-acceptance',
  'withdrawn-while-moving-on',
  'deemed-accepted',
  'decided-by-bureau',
  'calendar-changed',
  'stalled-and-fixed',
  'two-stalls-one-fix',
  'count-refused-once',
  'count-refused-and-fixed',
  'announcement-refused-and-fixed',
] as const;

export type CasePathName = (typeof CASE_PATHS)[number];

/**
 * Paths no case can take any more, whose histories stay for the cases that took them before: a 补正 asked for at
 * 审核, after acceptance (since 行政许可法 art. 32 was modelled, only before 受理).
 */
export const FORMER_PATHS = ['correction-loop'] as const;

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

/** `case-<path>.json`, the first history of a path; `case-<path>.<label>.json` those of later workflow versions. */
export const historyPathOf = (name: CasePathName, label?: string) =>
  join(HISTORIES_DIR, label ? `case-${name}.${label}.json` : `case-${name}.json`);

/**
 * Keeps a history a test just produced, as `RECORD_WORKFLOW_HISTORIES` asks: `1` records the paths that have no
 * history yet; any other value (say `v2`, after a change guarded with `patched()`) records every path under that
 * label. A recorded history is never overwritten: running cases were started by the code it shows.
 */
export function recordHistory(name: CasePathName, fetchJson: () => string): void {
  const label = process.env.RECORD_WORKFLOW_HISTORIES;
  if (!label) return;
  const path = historyPathOf(name, label === '1' ? undefined : label);
  if (existsSync(path)) {
    if (label === '1') return;
    throw new Error(`${path} is recorded already: record a new workflow version under a new label`);
  }
  writeFileSync(path, fetchJson());
}
