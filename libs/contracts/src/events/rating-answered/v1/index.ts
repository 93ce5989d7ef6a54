import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { RatingAnsweredV1 } from './payload';

export { RatingAnsweredV1 } from './payload';

export const ratingAnsweredV1 = defineEventContract({
  topic: TOPICS.ratingAnsweredV1,
  type: 'routing.rating-answered',
  version: 1,
  payloadClass: RatingAnsweredV1,
});
