import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { AppointmentBookedV1 } from './payload';

export { AppointmentBookedV1 } from './payload';

export const appointmentBookedV1 = defineEventContract({
  topic: TOPICS.appointmentBookedV1,
  type: 'intake.appointment-booked',
  version: 1,
  payloadClass: AppointmentBookedV1,
  personalFields: ['applicantPhone'],
  credentialFields: ['checkInCode'],
});
