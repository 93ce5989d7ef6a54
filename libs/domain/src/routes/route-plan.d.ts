import type { AdministrativeLevel } from '@oneseal/contracts';
/** The kinds of step a case can take, in the words clerks use. */
export declare const STEP_KINDS: readonly ['代办', '初审', '受理', '审核', '复核', '决定', '用印', '送达'];
export type StepKind = (typeof STEP_KINDS)[number];
export interface RouteStep {
  kind: StepKind;
  level: AdministrativeLevel;
  /** Code of the unit whose inbox the step lands in. */
  unitCode: string;
  /** Working days this step may take (the county's policy for its kind). */
  budgetWorkingDays: number;
  /** Why this step is here, for anyone who asks. */
  because: string;
}
/** An explainable route: the steps a case of this matter takes, and the rule that produced them. */
export interface RoutePlan {
  matterCode: string;
  rule: string;
  steps: RouteStep[];
}
/** Working days per step kind: a county policy an administrator may change. Defaults follow 行政许可法 art. 32, 43, 44. */
export type StepBudgets = Record<StepKind, number>;
export declare const DEFAULT_STEP_BUDGETS: StepBudgets;
//# sourceMappingURL=route-plan.d.ts.map
