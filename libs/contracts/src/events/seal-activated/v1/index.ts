import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { SealActivatedV1 } from './payload';

export { SealActivatedV1 } from './payload';

export const sealActivatedV1 = defineEventContract({
  topic: TOPICS.sealActivatedV1,
  type: 'seal.seal-activated',
  version: 1,
  payloadClass: SealActivatedV1,
});
