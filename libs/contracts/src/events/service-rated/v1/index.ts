import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { ServiceRatedV1 } from './payload';

export { SERVICE_SCORES, ServiceRatedV1, type ServiceScore } from './payload';

export const serviceRatedV1 = defineEventContract({
  topic: TOPICS.serviceRatedV1,
  type: 'routing.service-rated',
  version: 1,
  payloadClass: ServiceRatedV1,
});
