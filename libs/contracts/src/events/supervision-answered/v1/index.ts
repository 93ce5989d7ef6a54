import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { SupervisionAnsweredV1 } from './payload';

export { SupervisionAnsweredV1 } from './payload';

export const supervisionAnsweredV1 = defineEventContract({
  topic: TOPICS.supervisionAnsweredV1,
  type: 'routing.supervision-answered',
  version: 1,
  payloadClass: SupervisionAnsweredV1,
});
