import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { AppointmentCancelledV1 } from './payload';

export { AppointmentCancelledV1 } from './payload';

export const appointmentCancelledV1 = defineEventContract({
  topic: TOPICS.appointmentCancelledV1,
  type: 'intake.appointment-cancelled',
  version: 1,
  payloadClass: AppointmentCancelledV1,
});
