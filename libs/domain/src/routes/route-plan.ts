import type { StepKind } from '@oneseal/contracts';

/** Working days per step kind: a county policy an administrator may change. Defaults follow 行政许可法 art. 32, 43, 44. */
export type StepBudgets = Record<StepKind, number>;

export const DEFAULT_STEP_BUDGETS: StepBudgets = {
  代办: 2,
  初审: 5,
  受理: 1,
  审核: 5,
  复核: 5,
  决定: 5,
  用印: 1,
  送达: 10,
};
