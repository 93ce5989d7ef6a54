import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { ServiceRatedV1 } from './payload';

export {
  RATING_CATEGORIES,
  RATING_CHANNELS,
  SERVICE_EVENTS,
  SERVICE_SCORES,
  ServiceRatedV1,
  type RatingCategory,
  type RatingChannel,
  type ServiceEvent,
  type ServiceScore,
} from './payload';

export const serviceRatedV1 = defineEventContract({
  topic: TOPICS.serviceRatedV1,
  type: 'routing.service-rated',
  version: 1,
  payloadClass: ServiceRatedV1,
});
