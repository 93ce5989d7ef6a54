import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CorrectionRequestedV1 } from './payload';

export { CorrectionRequestedV1 } from './payload';

export const correctionRequestedV1 = defineEventContract({
  topic: TOPICS.correctionRequestedV1,
  type: 'approval.correction-requested',
  version: 1,
  payloadClass: CorrectionRequestedV1,
});
