import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CorrectionSuppliedV1 } from './payload';

export { CorrectionSuppliedV1 } from './payload';

export const correctionSuppliedV1 = defineEventContract({
  topic: TOPICS.correctionSuppliedV1,
  type: 'routing.correction-supplied',
  version: 1,
  payloadClass: CorrectionSuppliedV1,
});
