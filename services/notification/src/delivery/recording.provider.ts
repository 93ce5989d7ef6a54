import type { NotificationProvider, OutgoingMessage } from './notification-provider';

/**
 * Sends nothing anywhere: the message row itself is the delivery. It is the staff inbox, and on test and demo
 * machines it stands in for SMS, where the message is read through GET /notifications.
 */
export class RecordingProvider implements NotificationProvider {
  readonly name = 'recording';

  send(message: OutgoingMessage): Promise<string> {
    return Promise.resolve(`recorded-${message.notificationId}`);
  }
}
