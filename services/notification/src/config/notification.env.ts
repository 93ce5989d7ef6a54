import { IsTokenPublicKeyFile } from '@oneseal/auth';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUrl,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ServiceEnv, validateEnv } from '@oneseal/service-kit';
import { InvalidTemplateCodes, parseSmsTemplateCodes } from './sms-template-codes';

export const SMS_PROVIDERS = ['recording', 'aliyun'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

const usesAliyun = (env: NotificationEnv) => env.SMS_PROVIDER === 'aliyun';

@ValidatorConstraint({ name: 'smsTemplateCodes' })
class CoversEverySmsTemplate implements ValidatorConstraintInterface {
  private problem = '';

  validate(value: unknown): boolean {
    if (typeof value !== 'string') {
      this.problem = 'it is required when SMS_PROVIDER=aliyun';
      return false;
    }
    try {
      parseSmsTemplateCodes(value);
      return true;
    } catch (error) {
      if (!(error instanceof InvalidTemplateCodes)) throw error;
      this.problem = error.message;
      return false;
    }
  }

  defaultMessage(): string {
    return `ALIYUN_SMS_TEMPLATE_CODES must map every SMS template to its code (template=SMS_…, comma-separated): ${this.problem}`;
  }
}

// Numbers are converted explicitly: a property whose type is inferred from its default emits no design type
// for implicit conversion to go by.
export class NotificationEnv extends ServiceEnv {
  @IsTokenPublicKeyFile()
  AUTH_PUBLIC_KEY_FILE!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_SESSION_URL!: string;

  /** Where applicants' SMS go: `recording` keeps them in the database only (tests, demo machines). */
  @IsIn(SMS_PROVIDERS)
  SMS_PROVIDER: SmsProviderName = 'recording';

  @ValidateIf(usesAliyun)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com';

  @ValidateIf(usesAliyun)
  @IsString()
  @IsNotEmpty()
  ALIYUN_SMS_REGION_ID = 'cn-hangzhou';

  @ValidateIf(usesAliyun)
  @IsString()
  @IsNotEmpty()
  ALIYUN_SMS_ACCESS_KEY_ID?: string;

  @ValidateIf(usesAliyun)
  @IsString()
  @IsNotEmpty()
  ALIYUN_SMS_ACCESS_KEY_SECRET?: string;

  /** 短信签名 as approved by the provider, e.g. 泽州县政务服务 (shown as 【…】 before every message). */
  @ValidateIf(usesAliyun)
  @IsString()
  @IsNotEmpty()
  ALIYUN_SMS_SIGN_NAME?: string;

  /** `caseAccepted=SMS_…,caseRefused=SMS_…,…`: one approved template code per SMS template. */
  @ValidateIf(usesAliyun)
  @Validate(CoversEverySmsTemplate)
  ALIYUN_SMS_TEMPLATE_CODES?: string;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SMS_TIMEOUT_MS = 10_000;

  /** How often the delivery poller looks for due messages (it is also woken whenever a message is recorded). */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  NOTIFICATION_POLL_MS = 1000;

  /** First retry delay; each further retry doubles it, up to NOTIFICATION_RETRY_MAX_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETRY_BASE_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  NOTIFICATION_RETRY_MAX_MS = 3_600_000;

  /** Attempts before a message that keeps failing with retryable errors is marked failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATION_MAX_ATTEMPTS = 10;
}

export const NOTIFICATION_SCHEMA = 'notification';

export function loadNotificationEnv(env: Record<string, string | undefined> = process.env): NotificationEnv {
  return validateEnv('notification', NotificationEnv, env);
}
