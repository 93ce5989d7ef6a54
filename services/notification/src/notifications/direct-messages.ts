import type { EventEnvelope } from '@oneseal/contracts';
import type { EntityManager } from 'typeorm';
import type { Channel, RecipientKind } from './notification.entity';
import type { RenderedMessage } from './templates';
import { timeOrderedUuid } from '@oneseal/database';

/** A message about something other than a case (an appointment, a home visit): its subject stands for the case. */
export interface DirectMessage {
  subjectId: string;
  recipientKind: RecipientKind;
  /** A mobile number, or the unit code of a staff inbox. */
  recipient: string;
  channel: Channel;
  message: RenderedMessage;
  /** When it goes: now, or later (a reminder). */
  sendAt: Date;
  /** The event it is recorded under (once per event and recipient); a second message of one event needs its own. */
  sourceEventId: string;
}

/** Records a message as pending in the consumer's transaction; the delivery poller sends it when due. */
export async function recordDirectMessage(
  manager: EntityManager,
  event: EventEnvelope<object>,
  direct: DirectMessage,
): Promise<void> {
  await manager.query(
    `INSERT INTO notification.notifications
       (id, case_id, recipient_kind, recipient, channel, template, template_params, body, source_event_id,
        county, town, correlation_id, status, attempts, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', 0, $13, clock_timestamp())
     ON CONFLICT ON CONSTRAINT notifications_once_per_event_and_recipient DO NOTHING`,
    [
      timeOrderedUuid(),
      direct.subjectId,
      direct.recipientKind,
      direct.recipient,
      direct.channel,
      direct.message.template,
      JSON.stringify(direct.message.params),
      direct.message.body,
      direct.sourceEventId,
      event.county,
      event.town ?? null,
      event.correlationId,
      direct.sendAt,
    ],
  );
}
