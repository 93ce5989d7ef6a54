import { usableCores } from './cpu-limit';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, IsUrl, Max, Min } from 'class-validator';
import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { IsHexKey, ServiceEnv, validateEnv } from '@oneseal/service-kit';

export class AuditEnv extends ServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;

  /** Keys every chain link; held by the audit service alone (the database never sees it). */
  @IsHexKey('AUDIT_CHAIN_KEY')
  AUDIT_CHAIN_KEY!: string;

  /** The system's SM2 key pair (JSON) that signs checkpoints; created by `node dist/checkpoint-keys.js`. */
  @IsString()
  @IsNotEmpty({ message: 'AUDIT_CHECKPOINT_KEY_FILE must name the SM2 checkpoint key file' })
  AUDIT_CHECKPOINT_KEY_FILE!: string;

  /** How often the heads of the chains that grew are signed. */
  @Transform(({ value }) => (value === undefined ? 300 : Number(value)))
  @IsInt()
  @Min(5)
  @Max(86_400)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS = 300;

  /**
   * Threads that check chains when a town or county is verified (0: on the service's own thread). By default one per
   * core the process may use (a container's CPU limit counts), at most four: verifying is bound by hashing.
   */
  @Transform(({ value }) => (value === undefined ? Math.min(4, usableCores()) : Number(value)))
  @IsInt()
  @Min(0)
  @Max(16)
  AUDIT_VERIFY_THREADS = Math.min(4, usableCores());
}

export const AUDIT_SCHEMA = 'audit';

export function loadAuditEnv(env: Record<string, string | undefined> = process.env): AuditEnv {
  return validateEnv('audit', AuditEnv, env);
}
