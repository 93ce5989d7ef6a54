import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseResumedV1 } from './payload';

export { CaseResumedV1 } from './payload';

export const caseResumedV1 = defineEventContract({
  topic: TOPICS.caseResumedV1,
  type: 'routing.case-resumed',
  version: 1,
  payloadClass: CaseResumedV1,
});
