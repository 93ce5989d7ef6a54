import { IsISO8601, IsUUID } from 'class-validator';

/** A booked visit was cancelled (by the applicant, or by the village agent who booked it): no reminder is sent. */
export class AppointmentCancelledV1 {
  @IsUUID()
  appointmentId!: string;

  @IsISO8601({ strict: true })
  cancelledAt!: string;
}
