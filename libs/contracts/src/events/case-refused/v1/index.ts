import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseRefusedV1 } from './payload';

export { CaseRefusedV1 } from './payload';

export const caseRefusedV1 = defineEventContract({
  topic: TOPICS.caseRefusedV1,
  type: 'approval.case-refused',
  version: 1,
  payloadClass: CaseRefusedV1,
});
