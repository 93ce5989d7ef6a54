import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { CaseRoutedV1 } from './payload';

export { CaseRoutedV1 } from './payload';

export const caseRoutedV1 = defineEventContract({
  topic: TOPICS.caseRoutedV1,
  type: 'routing.case-routed',
  version: 1,
  payloadClass: CaseRoutedV1,
});
