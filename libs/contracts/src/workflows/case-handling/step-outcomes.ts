import type { AdministrativeLevel } from '../../events/shared-fields';
import type { StepKind } from '../../routes/route-plan';
import type { StepOutcome } from './case-requests';

/**
 * What a step is for in the handling of a case, which decides what may be decided there (行政许可法 art. 32, 34,
 * 37): taking in the application before 受理 (a village station's 代办 or 初审), 受理 itself, a review after it, the
 * decision, the delivery of the result. 用印 is nobody's task.
 */
export type StepRole = 'pre-acceptance' | 'acceptance' | 'review' | 'decision' | 'delivery';

/** A village's 代办 and 初审 come before the town's 受理; a town's 初审 comes after it. */
export function stepRoleOf(kind: StepKind, level: AdministrativeLevel): StepRole | undefined {
  switch (kind) {
    case '代办':
      return 'pre-acceptance';
    case '初审':
      return level === 'village' ? 'pre-acceptance' : 'review';
    case '受理':
      return 'acceptance';
    case '审核':
    case '复核':
      return 'review';
    case '决定':
      return 'decision';
    case '送达':
      return 'delivery';
    case '用印':
      return undefined;
  }
}

/**
 * The choices each step offers, in the words its desk uses. Before 受理 a station only passes the application on or
 * asks for a 补正; 受理 accepts, refuses (不予受理) or asks for a 补正 (once, art. 32); a review passes, returns or
 * recommends a refusal, which the decider sees (it decides nothing); only the decision grants or refuses; delivery
 * only records that the result was handed over.
 */
export const STEP_OUTCOMES: Record<StepRole, Partial<Record<StepOutcome, string>>> = {
  'pre-acceptance': { approve: '报送', 'request-correction': '补正' },
  acceptance: { approve: '受理', reject: '不予受理', 'request-correction': '补正' },
  review: { approve: '通过（拟同意）', return: '退回', reject: '拟不予' },
  decision: { approve: '准予', reject: '不予', return: '退回' },
  delivery: { approve: '已送达' },
};

/** The outcomes a step offers, in order, with their words. */
export function outcomesOf(role: StepRole): { outcome: StepOutcome; label: string }[] {
  return Object.entries(STEP_OUTCOMES[role]).map(([outcome, label]) => ({
    outcome: outcome as StepOutcome,
    label: label as string,
  }));
}

/** The review steps whose handler may never take the decision of the same case (审批分离). */
export const REVIEW_KINDS: readonly StepKind[] = ['初审', '审核', '复核'];

/** Two steps of one case that must not be taken by the same person. */
export type SeparatedSteps = readonly [StepKind, StepKind];

/**
 * The step of this case the person has already taken that the practice of the county keeps apart from this one:
 * any review before a decision, always; further pairs as the county configures (say 受理 and 审核). Undefined when
 * the person may take the step.
 */
export function clashingStep(
  kind: StepKind,
  handlerId: string,
  taken: readonly { kind: StepKind; handlerId: string }[],
  separated: readonly SeparatedSteps[] = [],
): StepKind | undefined {
  const apart = (earlier: StepKind) =>
    (kind === '决定' && REVIEW_KINDS.includes(earlier)) ||
    separated.some(([a, b]) => (a === earlier && b === kind) || (a === kind && b === earlier));
  return taken.find((step) => step.handlerId === handlerId && apart(step.kind))?.kind;
}
