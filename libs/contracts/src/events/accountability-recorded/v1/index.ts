import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { AccountabilityRecordedV1 } from './payload';

export { ACCOUNTABILITY_KINDS, AccountabilityRecordedV1, type AccountabilityKind } from './payload';

export const accountabilityRecordedV1 = defineEventContract({
  topic: TOPICS.accountabilityRecordedV1,
  type: 'routing.accountability-recorded',
  version: 1,
  payloadClass: AccountabilityRecordedV1,
});
