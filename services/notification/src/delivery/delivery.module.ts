import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NotificationEnv } from '../config/notification.env';
import { parseSmsTemplateCodes } from '../config/sms-template-codes';
import { AliyunSmsProvider } from './aliyun/aliyun-sms.provider';
import { DeliveryPoller } from './delivery-poller.service';
import { NotificationDelivery } from './notification-delivery';
import type { NotificationProvider } from './notification-provider';
import { RecordingProvider } from './recording.provider';

/** The SMS provider the environment names; env validation has made sure its settings are there. */
export function smsProviderFor(env: NotificationEnv): NotificationProvider {
  if (env.SMS_PROVIDER === 'recording') return new RecordingProvider();
  return new AliyunSmsProvider({
    endpoint: env.ALIYUN_SMS_ENDPOINT,
    regionId: env.ALIYUN_SMS_REGION_ID,
    accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID ?? '',
    accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET ?? '',
    signName: env.ALIYUN_SMS_SIGN_NAME ?? '',
    templateCodes: parseSmsTemplateCodes(env.ALIYUN_SMS_TEMPLATE_CODES ?? ''),
    timeoutMs: env.SMS_TIMEOUT_MS,
  });
}

@Module({})
export class DeliveryModule {
  static forEnv(env: NotificationEnv): DynamicModule {
    return {
      module: DeliveryModule,
      providers: [
        {
          provide: NotificationDelivery,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => {
            const logger = new Logger('NotificationDelivery');
            return new NotificationDelivery(
              dataSource,
              // A unit's inbox message is now recorded as delivered (message-rows.ts, provider 'unit-inbox'). Until
              // no replica of an earlier release runs (a rolling deploy), those still record them as pending: this
              // delivers them the earlier way (provider 'recording'). It can go once every replica records them sent.
              { sms: smsProviderFor(env), inbox: new RecordingProvider() },
              {
                baseDelayMs: env.NOTIFICATION_RETRY_BASE_MS,
                maxDelayMs: env.NOTIFICATION_RETRY_MAX_MS,
                maxAttempts: env.NOTIFICATION_MAX_ATTEMPTS,
                leaseMs: Math.max(60_000, env.SMS_TIMEOUT_MS * 3),
              },
              { warn: (message) => logger.warn(message) },
            );
          },
        },
        {
          provide: DeliveryPoller,
          inject: [NotificationDelivery],
          useFactory: (delivery: NotificationDelivery) =>
            new DeliveryPoller(delivery, env.NOTIFICATION_POLL_MS),
        },
      ],
      exports: [DeliveryPoller],
    };
  }
}
