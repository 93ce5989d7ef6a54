import { ServiceEnv, validateEnv } from '@oneseal/service-kit';

export class SealEnv extends ServiceEnv {}

export const SEAL_SCHEMA = 'seal';

export function loadSealEnv(env: Record<string, string | undefined> = process.env): SealEnv {
  return validateEnv('seal', SealEnv, env);
}
