import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { ResultDeliveredV1 } from './payload';

export { ResultDeliveredV1 } from './payload';

export const resultDeliveredV1 = defineEventContract({
  topic: TOPICS.resultDeliveredV1,
  type: 'routing.result-delivered',
  version: 1,
  payloadClass: ResultDeliveredV1,
});
