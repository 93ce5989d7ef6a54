import { FORMER_TOPICS, TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CorrectionRequestedV1 } from './payload';

export { CorrectionRequestedV1 } from './payload';

export const correctionRequestedV1 = defineEventContract({
  topic: TOPICS.correctionRequestedV1,
  type: 'routing.correction-requested',
  version: 1,
  payloadClass: CorrectionRequestedV1,
  // The case workflow announces it through routing; it was named after approval until the case moved there.
  formerly: { topic: FORMER_TOPICS.correctionRequestedV1, type: 'approval.correction-requested' },
});
