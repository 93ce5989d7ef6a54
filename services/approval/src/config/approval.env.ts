import { IsUrl } from 'class-validator';
import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { TemporalServiceEnv, validateEnv } from '@oneseal/service-kit';

export class ApprovalEnv extends TemporalServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;
}

export const APPROVAL_SCHEMA = 'approval';

export function loadApprovalEnv(env: Record<string, string | undefined> = process.env): ApprovalEnv {
  return validateEnv('approval', ApprovalEnv, env);
}
