import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { IsHexKey, IsPublicAddress, ServiceEnv, validateEnv } from '@oneseal/service-kit';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';

const exchangesWithTheProvince = (env: IntakeEnv) => env.PROVINCIAL_EXCHANGE_URL !== undefined;

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

  /**
   * The province's 一体化在线政务服务平台 exchange: guides and case stages are pushed there and 一网通办 applications
   * pulled from it. Unset, intake exchanges nothing with the province.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PROVINCIAL_EXCHANGE_URL?: string;

  /** The app id and secret the province issued to the county's system (every request is signed with the secret). */
  @ValidateIf(exchangesWithTheProvince)
  @IsString()
  @IsNotEmpty()
  PROVINCIAL_EXCHANGE_APP_ID?: string;

  @ValidateIf(exchangesWithTheProvince)
  @IsString()
  @IsNotEmpty()
  PROVINCIAL_EXCHANGE_APP_SECRET?: string;

  /** How often pushes are sent, applications pulled and answers given. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  PROVINCIAL_EXCHANGE_POLL_MS = 2000;

  /** First wait after a failed call; each further failure doubles it, up to the max. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  PROVINCIAL_EXCHANGE_RETRY_BASE_MS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  PROVINCIAL_EXCHANGE_RETRY_MAX_MS = 3_600_000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  PROVINCIAL_EXCHANGE_TIMEOUT_MS = 10_000;
}

export const INTAKE_SCHEMA = 'intake';

export function loadIntakeEnv(env: Record<string, string | undefined> = process.env): IntakeEnv {
  return validateEnv('intake', IntakeEnv, env);
}
