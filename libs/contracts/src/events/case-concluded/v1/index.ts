import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseConcludedV1 } from './payload';

export { CaseConcludedV1 } from './payload';

export const caseConcludedV1 = defineEventContract({
  topic: TOPICS.caseConcludedV1,
  type: 'routing.case-concluded',
  version: 1,
  payloadClass: CaseConcludedV1,
});
