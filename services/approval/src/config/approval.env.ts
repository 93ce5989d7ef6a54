import { TemporalServiceEnv, validateEnv } from '@oneseal/service-kit';

export class ApprovalEnv extends TemporalServiceEnv {}

export const APPROVAL_SCHEMA = 'approval';

export function loadApprovalEnv(env: Record<string, string | undefined> = process.env): ApprovalEnv {
  return validateEnv('approval', ApprovalEnv, env);
}
