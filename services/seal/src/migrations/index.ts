import { CreateSealMessaging1763800000400 } from './1763800000400-CreateSealMessaging';

/** In the order they run. */
export const SEAL_MIGRATIONS = [CreateSealMessaging1763800000400];
