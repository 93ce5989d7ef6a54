import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { TemporalServiceEnv, validateEnv } from '@oneseal/service-kit';

export class ApprovalEnv extends TemporalServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;
}

export const APPROVAL_SCHEMA = 'approval';

export function loadApprovalEnv(env: Record<string, string | undefined> = process.env): ApprovalEnv {
  return validateEnv('approval', ApprovalEnv, env);
}
