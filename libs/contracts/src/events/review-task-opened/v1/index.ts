import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { ReviewTaskOpenedV1 } from './payload';

export { ReviewTaskOpenedV1 } from './payload';

export const reviewTaskOpenedV1 = defineEventContract({
  topic: TOPICS.reviewTaskOpenedV1,
  type: 'approval.review-task-opened',
  version: 1,
  payloadClass: ReviewTaskOpenedV1,
});
