import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { NotificationSentV1 } from './payload';

export { NotificationSentV1 } from './payload';

export const notificationSentV1 = defineEventContract({
  topic: TOPICS.notificationSentV1,
  type: 'notification.notification-sent',
  version: 1,
  payloadClass: NotificationSentV1,
});
