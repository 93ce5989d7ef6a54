import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseStalledV1 } from './payload';

export { CaseStalledV1 } from './payload';

export const caseStalledV1 = defineEventContract({
  topic: TOPICS.caseStalledV1,
  type: 'routing.case-stalled',
  version: 1,
  payloadClass: CaseStalledV1,
});
