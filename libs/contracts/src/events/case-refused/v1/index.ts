import { FORMER_TOPICS, TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseRefusedV1 } from './payload';

export { CaseRefusedV1 } from './payload';

export const caseRefusedV1 = defineEventContract({
  topic: TOPICS.caseRefusedV1,
  type: 'routing.case-refused',
  version: 1,
  payloadClass: CaseRefusedV1,
  // The case workflow announces it through routing; it was named after approval until the case moved there.
  formerly: { topic: FORMER_TOPICS.caseRefusedV1, type: 'approval.case-refused' },
});
