import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { PersonalDataViewedV1 } from './payload';

export { PersonalDataViewedV1 } from './payload';

export const personalDataViewedV1 = defineEventContract({
  topic: TOPICS.personalDataViewedV1,
  type: 'intake.personal-data-viewed',
  version: 1,
  payloadClass: PersonalDataViewedV1,
});
