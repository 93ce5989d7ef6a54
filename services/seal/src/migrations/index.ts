import { CreateSealMessaging1763800000400 } from './1763800000400-CreateSealMessaging';
import { CreateSealRegistryStampsAndLedger1763802000400 } from './1763802000400-CreateSealRegistryStampsAndLedger';

/** In the order they run. */
export const SEAL_MIGRATIONS = [
  CreateSealMessaging1763800000400,
  CreateSealRegistryStampsAndLedger1763802000400,
];
