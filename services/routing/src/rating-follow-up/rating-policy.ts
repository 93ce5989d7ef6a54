import type { RatingCategory, ServiceScore } from '@oneseal/contracts';

/** 不满意 and 非常不满意 are 差评 (GB/T 39734): each is followed up, 整改 and 回访. */
export const isDissatisfied = (score: number) => score <= 2;

export { RATING_CATEGORY_TITLES as CATEGORY_TITLES, SERVICE_EVENT_TITLES } from '@oneseal/domain';

/**
 * Whether a 差评 says what it is about: a category or words, and words when the only category is 其他 (nobody can
 * put right "other" without knowing what it was).
 */
export function reasonGiven(
  score: ServiceScore,
  categories: readonly RatingCategory[],
  comment: string | null,
) {
  if (!isDissatisfied(score)) return true;
  if (categories.length === 0) return !!comment;
  return !(categories.length === 1 && categories[0] === 'other' && !comment);
}

/** How many working days a town has to put a 差评 right (整改), and to go back to the applicant (回访). */
export interface RatingPolicy {
  rectifyWorkingDays: number;
}

export const RATING_POLICY = Symbol('RATING_POLICY');
