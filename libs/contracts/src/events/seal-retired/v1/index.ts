import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { SealRetiredV1 } from './payload';

export { SealRetiredV1 } from './payload';

export const sealRetiredV1 = defineEventContract({
  topic: TOPICS.sealRetiredV1,
  type: 'seal.seal-retired',
  version: 1,
  payloadClass: SealRetiredV1,
});
