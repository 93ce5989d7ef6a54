import { CreateReviewTasks1763800000200 } from './1763800000200-CreateReviewTasks';

/** In the order they run. */
export const APPROVAL_MIGRATIONS = [CreateReviewTasks1763800000200];
