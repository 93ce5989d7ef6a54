import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { IsHexKey, IsPublicAddress, ServiceEnv, validateEnv } from '@oneseal/service-kit';
import { IsOptional, IsUrl } from 'class-validator';

export class IntakeEnv extends ServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;

  /**
   * The key of the digests staff search cases by (公民身份号码, phone), shared by intake and routing: without it a
   * digest cannot be turned back into a number. Never in git or the logs.
   */
  @IsHexKey('APPLICANT_LOOKUP_KEY')
  APPLICANT_LOOKUP_KEY!: string;

  /** Encrypts applicants' ID numbers and phones at rest; held by intake alone. */
  @IsHexKey('PERSONAL_DATA_KEY')
  PERSONAL_DATA_KEY!: string;

  /**
   * The routing service, the case's home: intake asks it who may read a case file (its access rule), with the
   * reader's own token.
   */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  ROUTING_URL = 'http://127.0.0.1:3102';

  /**
   * Where applicants reach the public pages (办件查询): printed as a QR code on every 受理回执. Unset, receipts carry
   * no QR code and say how to look the case up instead; a loopback address is refused.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @IsPublicAddress()
  PUBLIC_BASE_URL?: string;
}

export const INTAKE_SCHEMA = 'intake';

export function loadIntakeEnv(env: Record<string, string | undefined> = process.env): IntakeEnv {
  return validateEnv('intake', IntakeEnv, env);
}
