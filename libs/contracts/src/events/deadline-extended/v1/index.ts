import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { DeadlineExtendedV1 } from './payload';

export { DeadlineExtendedV1 } from './payload';

export const deadlineExtendedV1 = defineEventContract({
  topic: TOPICS.deadlineExtendedV1,
  type: 'routing.deadline-extended',
  version: 1,
  payloadClass: DeadlineExtendedV1,
});
