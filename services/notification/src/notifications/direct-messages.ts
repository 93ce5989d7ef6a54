import type { EventEnvelope } from '@oneseal/contracts';
import type { EntityManager } from 'typeorm';
import { recordMessageRows, type MessageRow } from './message-rows';

/**
 * A message about something other than a case (an appointment, a home visit): its subject stands for the case. It is
 * recorded under `sourceEventId` (once per event and recipient), so a second message of one event needs its own.
 */
export type DirectMessage = MessageRow;

/**
 * Records a message in the consumer's transaction: an SMS as pending, for the delivery poller to send at `sendAt`;
 * a message to a unit's inbox as delivered.
 */
export async function recordDirectMessage(
  manager: EntityManager,
  event: EventEnvelope<object>,
  direct: DirectMessage,
): Promise<void> {
  await recordMessageRows(manager, event, [direct]);
}
