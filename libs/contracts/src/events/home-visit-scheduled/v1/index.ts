import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { HomeVisitScheduledV1 } from './payload';

export { HomeVisitScheduledV1 } from './payload';

export const homeVisitScheduledV1 = defineEventContract({
  topic: TOPICS.homeVisitScheduledV1,
  type: 'intake.home-visit-scheduled',
  version: 1,
  payloadClass: HomeVisitScheduledV1,
  personalFields: ['applicantPhone'],
});
