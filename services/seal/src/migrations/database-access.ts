import { READ_WRITE, type ServiceAccess, type TablePrivilege } from '@oneseal/database';

const APPEND_ONLY: readonly TablePrivilege[] = ['SELECT', 'INSERT'];

/**
 * The seal service reads and writes its own tables; its records of what happened (stamps, the ledger, seal
 * transitions, organ setting changes) it may only add to. The triggers that also refuse changes belong to the
 * owner role, which the service cannot log in as.
 */
export const SEAL_DATABASE_ACCESS: ServiceAccess = {
  everyTable: READ_WRITE,
  tables: {
    stamps: APPEND_ONLY,
    ledger: APPEND_ONLY,
    seal_transitions: APPEND_ONLY,
    organ_setting_changes: APPEND_ONLY,
    // A key's 文号, once reserved, is the one its document carries.
    reserved_document_numbers: APPEND_ONLY,
  },
};
