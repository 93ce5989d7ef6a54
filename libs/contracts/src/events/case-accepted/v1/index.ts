import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseAcceptedV1 } from './payload';

export { CaseAcceptedV1 } from './payload';

export const caseAcceptedV1 = defineEventContract({
  topic: TOPICS.caseAcceptedV1,
  type: 'approval.case-accepted',
  version: 1,
  payloadClass: CaseAcceptedV1,
});
