import type { AdministrativeLevel } from '../events/shared-fields';

/** The kinds of step a case can take, in the words clerks use. */
export const STEP_KINDS = ['代办', '初审', '受理', '审核', '复核', '决定', '用印', '送达'] as const;
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

/**
 * An explainable route: the steps a case of this matter takes, and the rule that produced them. Derived once when
 * the case is routed (libs/domain deriveRoute) and handed to the case workflow, which follows it to the end.
 */
export interface RoutePlan {
  matterCode: string;
  rule: string;
  steps: RouteStep[];
}
