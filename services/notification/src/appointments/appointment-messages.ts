import { createHash } from 'node:crypto';
import type { AppointmentBookedV1, AppointmentCancelledV1, EventEnvelope } from '@oneseal/contracts';
import { processOnce, type ProcessOutcome } from '@oneseal/database';
import type { DataSource, EntityManager } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../config/notification.env';
import { recordMessageRows } from '../notifications/message-rows';
import { appointmentBooked, appointmentReminder, type RenderedMessage } from '../notifications/templates';

export const APPOINTMENT_CONSUMER = 'notification.appointments';

/** When the reminder goes: 18:00 Beijing time the evening before the visit. */
export function reminderTime(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date - 1, 18 - 8, 0, 0));
}

/** A second id derived from the event's, so the reminder is as once-only as the confirmation. */
function derivedId(eventId: string, purpose: string): string {
  const hex = createHash('sha256').update(`${eventId}:${purpose}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The SMS of a booked visit: the confirmation at once, the reminder the evening before (kept pending until then;
 * none when the booking comes after that evening). A cancelled visit's reminder is cancelled. Each event once.
 */
export class AppointmentMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly onMessagesRecorded: () => void = () => undefined,
  ) {}

  async booked(event: EventEnvelope<AppointmentBookedV1>, topic: string): Promise<ProcessOutcome> {
    const { payload } = event;
    const outcome = await processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      APPOINTMENT_CONSUMER,
      { id: event.id, topic },
      async (manager) => {
        await record(manager, event, event.id, appointmentBooked(payload), new Date());
        const remindAt = reminderTime(payload.day);
        if (remindAt.getTime() > Date.now())
          await record(
            manager,
            event,
            derivedId(event.id, 'reminder'),
            appointmentReminder(payload),
            remindAt,
          );
      },
    );
    if (outcome === 'processed') this.onMessagesRecorded();
    return outcome;
  }

  async cancelled(event: EventEnvelope<AppointmentCancelledV1>, topic: string): Promise<ProcessOutcome> {
    return processOnce(
      this.dataSource,
      NOTIFICATION_SCHEMA,
      APPOINTMENT_CONSUMER,
      { id: event.id, topic },
      async (manager) => {
        await lockAppointment(manager, event.payload.appointmentId);
        await manager.query(
          `INSERT INTO notification.cancelled_appointments (appointment_id, cancelled_at) VALUES ($1, $2)
           ON CONFLICT (appointment_id) DO NOTHING`,
          [event.payload.appointmentId, event.payload.cancelledAt],
        );
        await manager.query(
          `UPDATE notification.notifications SET status = 'cancelled', last_error = '预约已取消'
            WHERE case_id = $1 AND template = 'appointmentReminder' AND status = 'pending'`,
          [event.payload.appointmentId],
        );
      },
    );
  }
}

/** The booking and its cancellation are read one at a time per appointment, whichever comes first. */
async function lockAppointment(manager: EntityManager, appointmentId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`appointment:${appointmentId}`]);
}

async function record(
  manager: EntityManager,
  event: EventEnvelope<AppointmentBookedV1>,
  sourceEventId: string,
  message: RenderedMessage,
  sendAt: Date,
): Promise<void> {
  // The appointment stands where a case stands for other messages: what the message is about.
  await recordMessageRows(manager, event, [
    {
      subjectId: event.payload.appointmentId,
      recipientKind: 'applicant',
      recipient: event.payload.applicantPhone,
      channel: 'sms',
      message,
      sendAt,
      sourceEventId,
    },
  ]);
}
