import { ServiceEnv, validateEnv } from '@oneseal/service-kit';

export class NotificationEnv extends ServiceEnv {}

export const NOTIFICATION_SCHEMA = 'notification';

export function loadNotificationEnv(env: Record<string, string | undefined> = process.env): NotificationEnv {
  return validateEnv('notification', NotificationEnv, env);
}
