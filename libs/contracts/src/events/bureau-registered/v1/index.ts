import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { BureauRegisteredV1 } from './payload';

export { BureauRegisteredV1 } from './payload';

export const bureauRegisteredV1 = defineEventContract({
  topic: TOPICS.bureauRegisteredV1,
  type: 'intake.bureau-registered',
  version: 1,
  payloadClass: BureauRegisteredV1,
});
