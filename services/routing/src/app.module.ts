import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TASK_QUEUES, TOPICS } from '@oneseal/contracts';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, OutboxRelayModule, serviceLoggerModule } from '@oneseal/service-kit';
import { ManagedWorker, TemporalModule } from '@oneseal/temporal';
import { CasesModule } from './cases/cases.module';
import { RoutedCase } from './cases/routed-case.entity';
import { ROUTING_SCHEMA, type RoutingEnv } from './config/routing.env';
import { CASE_WORKFLOW_WORKER, HealthController } from './health/health.controller';
import { ROUTING_MIGRATIONS } from './migrations';

@Module({})
export class RoutingModule {
  static forEnv(env: RoutingEnv): DynamicModule {
    const temporal = { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE };
    return {
      module: RoutingModule,
      imports: [
        serviceLoggerModule('routing', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: ROUTING_SCHEMA,
          entities: [RoutedCase],
          migrations: ROUTING_MIGRATIONS,
        }),
        KafkaModule.forRoot({
          clientId: 'oneseal-routing',
          brokers: parseBrokers(env.KAFKA_BROKERS),
          topics: [TOPICS.applicationSubmittedV1, TOPICS.caseRoutedV1, TOPICS.deadLetterV1],
        }),
        OutboxRelayModule.forRoot({ schema: ROUTING_SCHEMA, databaseUrl: env.DATABASE_URL }),
        TemporalModule.forRoot(temporal),
        TerminusModule,
        CasesModule,
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: CASE_WORKFLOW_WORKER,
          // The case workflows' worker; only `workflows/` holds workflow code.
          useFactory: () =>
            env.TEMPORAL_WORKER_ENABLED
              ? new ManagedWorker({
                  temporal,
                  taskQueue: TASK_QUEUES.caseWorkflows,
                  workflowsPath: require.resolve('@oneseal/workflows'),
                })
              : null,
        },
      ],
    };
  }
}
