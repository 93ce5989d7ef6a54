import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { DeadlineWarningV1 } from './payload';

export { DeadlineWarningV1 } from './payload';

export const deadlineWarningV1 = defineEventContract({
  topic: TOPICS.deadlineWarningV1,
  type: 'routing.deadline-warning',
  version: 1,
  payloadClass: DeadlineWarningV1,
});
