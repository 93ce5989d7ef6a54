import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { SealRegisteredV1 } from './payload';

export { SealRegisteredV1 } from './payload';

export const sealRegisteredV1 = defineEventContract({
  topic: TOPICS.sealRegisteredV1,
  type: 'seal.seal-registered',
  version: 1,
  payloadClass: SealRegisteredV1,
});
