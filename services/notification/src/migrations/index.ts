import { CreateNotifications1763800000300 } from './1763800000300-CreateNotifications';
import { DeliverNotifications1763800000310 } from './1763800000310-DeliverNotifications';

/** In the order they run. */
export const NOTIFICATION_MIGRATIONS = [CreateNotifications1763800000300, DeliverNotifications1763800000310];
