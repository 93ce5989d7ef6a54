import { CreateEventLog1763800000600 } from './1763800000600-CreateEventLog';

/** In the order they run. */
export const AUDIT_MIGRATIONS = [CreateEventLog1763800000600];
