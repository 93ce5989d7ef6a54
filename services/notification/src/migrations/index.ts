import { CreateNotifications1763800000300 } from './1763800000300-CreateNotifications';

/** In the order they run. */
export const NOTIFICATION_MIGRATIONS = [CreateNotifications1763800000300];
