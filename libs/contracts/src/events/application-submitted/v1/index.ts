import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { ApplicationSubmittedV1 } from './payload';

export { ApplicationSubmittedV1 } from './payload';

export const applicationSubmittedV1 = defineEventContract({
  topic: TOPICS.applicationSubmittedV1,
  type: 'intake.application-submitted',
  version: 1,
  payloadClass: ApplicationSubmittedV1,
  credentialFields: ['progressQueryCode'],
  personalFields: ['applicantPhone'],
});
