import { CreateUsers1763803000700 } from './1763803000700-CreateUsers';

/** In the order they run. */
export const IDENTITY_MIGRATIONS = [CreateUsers1763803000700];
