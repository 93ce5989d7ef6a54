import { READ_WRITE, type ServiceAccess } from '@oneseal/database';

/** The approval service reads and writes its own tables and nothing else; it cannot change their shape. */
export const APPROVAL_DATABASE_ACCESS: ServiceAccess = { everyTable: READ_WRITE };
