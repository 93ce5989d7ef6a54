import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@oneseal/auth';
import { EVENT_CONTRACTS } from '@oneseal/contracts';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, serviceLoggerModule } from '@oneseal/service-kit';
import { AUDIT_SCHEMA, type AuditEnv } from './config/audit.env';
import { CheckpointsModule } from './checkpoints/checkpoints.module';
import { readCheckpointKey } from './checkpoints/checkpoint-key';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { EventLogModule } from './event-log/event-log.module';
import { HealthController } from './health/health.controller';
import { AUDIT_MIGRATIONS } from './migrations';

@Module({})
export class AuditModule {
  static forEnv(env: AuditEnv): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        serviceLoggerModule('audit', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: AUDIT_SCHEMA,
          entities: [],
          migrations: AUDIT_MIGRATIONS,
        }),
        KafkaModule.forRoot({
          clientId: 'oneseal-audit',
          brokers: parseBrokers(env.KAFKA_BROKERS),
          signingKeyFile: env.EVENT_SIGNING_KEY_FILE,
          producerKeysDir: env.EVENT_PRODUCER_KEYS_DIR,
          consumerGroup: `${env.KAFKA_GROUP_PREFIX}.audit`,
          consumes: EVENT_CONTRACTS,
        }),
        AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE, env.AUTH_SESSION_URL),
        TerminusModule,
        EventLogModule.forChainKey(Buffer.from(env.AUDIT_CHAIN_KEY, 'hex'), {
          verifyThreads: env.AUDIT_VERIFY_THREADS,
        }),
        CheckpointsModule.forKey(
          readCheckpointKey(env.AUDIT_CHECKPOINT_KEY_FILE),
          env.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000,
        ),
        DeadLettersModule,
      ],
      controllers: [HealthController],
    };
  }
}
