import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { HomeVisitRequestedV1 } from './payload';

export { HOME_VISIT_KINDS, HomeVisitRequestedV1, type HomeVisitKind } from './payload';

export const homeVisitRequestedV1 = defineEventContract({
  topic: TOPICS.homeVisitRequestedV1,
  type: 'intake.home-visit-requested',
  version: 1,
  payloadClass: HomeVisitRequestedV1,
});
