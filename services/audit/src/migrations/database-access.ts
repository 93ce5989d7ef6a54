import { READ_WRITE, type ServiceAccess } from '@oneseal/database';

/**
 * The audit service may only add events and read them: no UPDATE, DELETE or TRUNCATE on the log, and no DDL, so
 * it cannot drop the append-only triggers (the owner role, used only by migrations, owns them).
 */
export const AUDIT_DATABASE_ACCESS: ServiceAccess = {
  everyTable: READ_WRITE,
  tables: {
    events: ['SELECT', 'INSERT'],
    chain_keying: ['SELECT'],
    checkpoints: ['SELECT', 'INSERT'],
    checkpoint_heads: ['SELECT', 'INSERT'],
  },
};
