import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { IsHexKey, TemporalServiceEnv, validateEnv } from '@oneseal/service-kit';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, Validate, ValidatorConstraint, IsUrl } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { parseSeparatedSteps } from './separated-steps';

@ValidatorConstraint({ name: 'separatedSteps' })
class ReadableSeparatedSteps implements ValidatorConstraintInterface {
  private problem = '';

  validate(value: unknown): boolean {
    try {
      parseSeparatedSteps(String(value));
      return true;
    } catch (error) {
      this.problem = (error as Error).message;
      return false;
    }
  }

  defaultMessage(): string {
    return `SEPARATED_STEPS must list pairs of steps like 受理:审核,审核:复核: ${this.problem}`;
  }
}

export class RoutingEnv extends TemporalServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;

  /** Intake, asked which pages an applicant has uploaded before their 补正 online is taken. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  INTAKE_URL!: string;

  /** The seal service, asked to issue a 考核通报 under the county administration's seal. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SEAL_URL!: string;

  /**
   * The key of the digests staff search cases by (公民身份号码, phone), shared by intake and routing: without it a
   * digest cannot be turned back into a number. Never in git or the logs.
   */
  @IsHexKey('APPLICANT_LOOKUP_KEY')
  APPLICANT_LOOKUP_KEY!: string;

  /** Working days an applicant has to supply a 补正 before the case ends as 补正不来 (county policy). */
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(120)
  CORRECTION_WAIT_WORKING_DAYS = 30;

  /**
   * Working days a town has to put a 差评 right and answer it (整改), county policy: 15 as Zhejiang and Liaoning set
   * it; some provinces set 5.
   */
  @Transform(({ value }) => (value === undefined ? 15 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(60)
  RATING_RECTIFY_WORKING_DAYS = 15;

  /**
   * Pairs of steps one person may not both take in a case, beyond review and decision (always apart): county policy,
   * e.g. `受理:审核`. Empty: none.
   */
  @IsOptional()
  @Validate(ReadableSeparatedSteps)
  SEPARATED_STEPS?: string;

  /**
   * `on` keeps a stack of every promise a case's workflow creates, so that Temporal's stack-trace query (the Web UI's
   * Stack Trace tab) shows where a stuck case waits; it costs a tenth to a fifth of routing's CPU, so it is off
   * unless someone is looking into a case. Read from routing's own environment (not through a _FILE) by the SDK's
   * workflow threads when they start, through patches/@temporalio+worker+1.13.1.patch.
   */
  @IsOptional()
  @IsIn(['on', 'off'], { message: 'WORKFLOW_STACK_TRACES must be on or off' })
  WORKFLOW_STACK_TRACES?: 'on' | 'off';
}

export const ROUTING_SCHEMA = 'routing';

export function loadRoutingEnv(env: Record<string, string | undefined> = process.env): RoutingEnv {
  return validateEnv('routing', RoutingEnv, env);
}
