import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, OutboxRelayModule, serviceLoggerModule } from '@oneseal/service-kit';
import { SEAL_SCHEMA, type SealEnv } from './config/seal.env';
import { HealthController } from './health/health.controller';
import { SEAL_MIGRATIONS } from './migrations';

@Module({})
export class SealModule {
  static forEnv(env: SealEnv): DynamicModule {
    return {
      module: SealModule,
      imports: [
        serviceLoggerModule('seal', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: SEAL_SCHEMA,
          entities: [],
          migrations: SEAL_MIGRATIONS,
        }),
        KafkaModule.forRoot({
          clientId: 'oneseal-seal',
          brokers: parseBrokers(env.KAFKA_BROKERS),
          topics: [],
        }),
        OutboxRelayModule.forRoot({ schema: SEAL_SCHEMA, databaseUrl: env.DATABASE_URL }),
        TerminusModule,
      ],
      controllers: [HealthController],
    };
  }
}
