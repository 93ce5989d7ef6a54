import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { StepDecidedV1 } from './payload';

export { StepDecidedV1 } from './payload';

export const stepDecidedV1 = defineEventContract({
  topic: TOPICS.stepDecidedV1,
  type: 'approval.step-decided',
  version: 1,
  payloadClass: StepDecidedV1,
});
