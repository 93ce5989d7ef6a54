import { IsUrl } from 'class-validator';
import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { ServiceEnv, validateEnv } from '@oneseal/service-kit';

export class AuditEnv extends ServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;
}

export const AUDIT_SCHEMA = 'audit';

export function loadAuditEnv(env: Record<string, string | undefined> = process.env): AuditEnv {
  return validateEnv('audit', AuditEnv, env);
}
