import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { DeadlineRecalculatedV1 } from './payload';

export { DeadlineRecalculatedV1 } from './payload';

export const deadlineRecalculatedV1 = defineEventContract({
  topic: TOPICS.deadlineRecalculatedV1,
  type: 'routing.deadline-recalculated',
  version: 1,
  payloadClass: DeadlineRecalculatedV1,
});
