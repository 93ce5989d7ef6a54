import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { RatingRevisitedV1 } from './payload';

export { REVISIT_METHODS, RatingRevisitedV1, type RevisitMethod } from './payload';

export const ratingRevisitedV1 = defineEventContract({
  topic: TOPICS.ratingRevisitedV1,
  type: 'routing.rating-revisited',
  version: 1,
  payloadClass: RatingRevisitedV1,
});
