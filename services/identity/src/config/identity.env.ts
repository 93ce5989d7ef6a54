import { IsUrl } from 'class-validator';
import { IsTokenSigningKeyFile } from '@oneseal/auth';
import { ServiceEnv, validateEnv } from '@oneseal/service-kit';

/**
 * Identity needs no Kafka today; it validates KAFKA_BROKERS with every other service so that one environment
 * (npm start, docker-compose) fits all of them.
 */
export class IdentityEnv extends ServiceEnv {
  /** Only identity holds the private key; the public half is derived from it and served at /auth/public-key. */
  @IsTokenSigningKeyFile()
  AUTH_PRIVATE_KEY_FILE!: string;

  /** Applicants' sign-in codes go out through the notification service's SMS provider. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  NOTIFICATION_URL!: string;
}

export const IDENTITY_SCHEMA = 'identity';

export function loadIdentityEnv(env: Record<string, string | undefined> = process.env): IdentityEnv {
  return validateEnv('identity', IdentityEnv, env);
}
