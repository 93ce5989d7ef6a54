import { READ_WRITE, type ServiceAccess } from '@oneseal/database';

/** The intake service reads and writes its own tables and nothing else; it cannot change their shape. */
export const INTAKE_DATABASE_ACCESS: ServiceAccess = { everyTable: READ_WRITE };
