import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseUnstalledV1 } from './payload';

export { CaseUnstalledV1 } from './payload';

export const caseUnstalledV1 = defineEventContract({
  topic: TOPICS.caseUnstalledV1,
  type: 'routing.case-unstalled',
  version: 1,
  payloadClass: CaseUnstalledV1,
});
