import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { ServiceEnv, validateEnv } from '@oneseal/service-kit';

export class IntakeEnv extends ServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;
}

export const INTAKE_SCHEMA = 'intake';

export function loadIntakeEnv(env: Record<string, string | undefined> = process.env): IntakeEnv {
  return validateEnv('intake', IntakeEnv, env);
}
