import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseSuspendedV1 } from './payload';

export { CaseSuspendedV1 } from './payload';

export const caseSuspendedV1 = defineEventContract({
  topic: TOPICS.caseSuspendedV1,
  type: 'routing.case-suspended',
  version: 1,
  payloadClass: CaseSuspendedV1,
});
