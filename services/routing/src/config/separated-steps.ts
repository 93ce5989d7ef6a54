import { STEP_KINDS, type SeparatedSteps, type StepKind } from '@oneseal/contracts';

/** Steps a person takes (用印 is nobody's task). */
const TAKEN_STEPS = STEP_KINDS.filter((kind) => kind !== '用印');

/**
 * The pairs of steps a county keeps apart beyond review and decision, as SEPARATED_STEPS writes them:
 * `受理:审核,审核:复核` (empty: none). Throws naming the first pair it cannot read.
 */
export function parseSeparatedSteps(text: string | undefined): SeparatedSteps[] {
  if (!text?.trim()) return [];
  return text.split(',').map((pair) => {
    const kinds = pair.trim().split(':');
    const known = (kind: string): kind is StepKind => (TAKEN_STEPS as readonly string[]).includes(kind);
    const [first, second] = kinds;
    if (kinds.length !== 2 || !known(first) || !known(second) || first === second)
      throw new Error(
        `"${pair.trim()}" is not two different steps joined by a colon (steps: ${TAKEN_STEPS.join(', ')})`,
      );
    return [first, second] as const;
  });
}
