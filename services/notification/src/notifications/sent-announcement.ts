import type { NotificationSentV1 } from '@oneseal/contracts';
import type { NewEvent } from '@oneseal/database';
import type { Channel, RecipientKind } from './notification.entity';

/** What a message sent is announced with, whoever sends it: the recorded row's own fields. */
export interface SentMessage {
  id: string;
  caseId: string;
  recipientKind: RecipientKind;
  channel: Channel;
  template: string;
  county: string;
  town: string | null | undefined;
  correlationId: string;
  sourceEventId: string;
}

/** The notification-sent event of a message, but for when it was sent (the sender fills that in). */
export function sentAnnouncement(message: SentMessage): NewEvent<Omit<NotificationSentV1, 'sentAt'>> {
  return {
    subject: message.caseId,
    county: message.county,
    town: message.town ?? undefined,
    actor: { kind: 'service', id: 'notification' },
    correlationId: message.correlationId,
    causationId: message.sourceEventId,
    payload: {
      notificationId: message.id,
      caseId: message.caseId,
      recipientKind: message.recipientKind,
      channel: message.channel,
      template: message.template,
    },
  };
}
