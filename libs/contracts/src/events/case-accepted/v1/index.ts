import { FORMER_TOPICS, TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseAcceptedV1 } from './payload';

export { CaseAcceptedV1 } from './payload';

export const caseAcceptedV1 = defineEventContract({
  topic: TOPICS.caseAcceptedV1,
  type: 'routing.case-accepted',
  version: 1,
  payloadClass: CaseAcceptedV1,
  // The case workflow announces it through routing; it was named after approval until the case moved there.
  formerly: { topic: FORMER_TOPICS.caseAcceptedV1, type: 'approval.case-accepted' },
});
