import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@oneseal/auth';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, MessagingModule, serviceLoggerModule } from '@oneseal/service-kit';
import { NOTIFICATION_SCHEMA, type NotificationEnv } from './config/notification.env';
import { HealthController } from './health/health.controller';
import { NOTIFICATION_MIGRATIONS } from './migrations';
import { Notification } from './notifications/notification.entity';
import { NOTIFICATION_CONSUMES } from './notifications/case-events.consumer';
import { NotificationsModule } from './notifications/notifications.module';
import { SignInCodesModule } from './sign-in-codes/sign-in-codes.module';

@Module({})
export class NotificationModule {
  static forEnv(env: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        serviceLoggerModule('notification', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: NOTIFICATION_SCHEMA,
          entities: [Notification],
          migrations: NOTIFICATION_MIGRATIONS,
        }),
        KafkaModule.forRoot({
          clientId: 'oneseal-notification',
          brokers: parseBrokers(env.KAFKA_BROKERS),
          signingKeyFile: env.EVENT_SIGNING_KEY_FILE,
          producerKeysDir: env.EVENT_PRODUCER_KEYS_DIR,
          consumerGroup: `${env.KAFKA_GROUP_PREFIX}.notification`,
          produces: 'notification',
          consumes: NOTIFICATION_CONSUMES,
        }),
        MessagingModule.forRoot(NOTIFICATION_SCHEMA, env),
        AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE, env.AUTH_SESSION_URL),
        TerminusModule,
        NotificationsModule.forEnv(env),
        SignInCodesModule.forEnv(env),
      ],
      controllers: [HealthController],
    };
  }
}
