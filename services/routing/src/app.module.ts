import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@oneseal/auth';
import { TASK_QUEUES, TOPICS } from '@oneseal/contracts';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, OutboxRelayModule, serviceLoggerModule } from '@oneseal/service-kit';
import { ManagedWorker, TemporalModule } from '@oneseal/temporal';
import { CasesModule } from './cases/cases.module';
import { RoutedCase } from './cases/routed-case.entity';
import { ROUTING_SCHEMA, type RoutingEnv } from './config/routing.env';
import { CASE_ACTIVITIES_WORKER, CASE_WORKFLOW_WORKER, HealthController } from './health/health.controller';
import { CalendarController } from './calendar/calendar.controller';
import { SupervisionController } from './supervision/supervision.controller';
import { ApplicantProgressController } from './applicant-progress/applicant-progress.controller';
import { ApplicantProgressService } from './applicant-progress/applicant-progress.service';
import { RatingFollowUpController } from './rating-follow-up/rating-follow-up.controller';
import { RatingFollowUpService } from './rating-follow-up/rating-follow-up.service';
import { createCaseActivities } from './case-progress/case-activities';
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
          topics: [
            TOPICS.applicationSubmittedV1,
            TOPICS.caseRoutedV1,
            TOPICS.caseAcceptedV1,
            TOPICS.caseRefusedV1,
            TOPICS.correctionRequestedV1,
            TOPICS.correctionSuppliedV1,
            TOPICS.caseSuspendedV1,
            TOPICS.caseResumedV1,
            TOPICS.deadlineExtendedV1,
            TOPICS.deadlineWarningV1,
            TOPICS.caseConcludedV1,
            TOPICS.resultDeliveredV1,
            TOPICS.serviceRatedV1,
            TOPICS.deadLetterV1,
          ],
        }),
        OutboxRelayModule.forRoot({ schema: ROUTING_SCHEMA, databaseUrl: env.DATABASE_URL }),
        TemporalModule.forRoot(temporal),
        AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE),
        TerminusModule,
        CasesModule.forPolicy({ correctionWaitWorkingDays: env.CORRECTION_WAIT_WORKING_DAYS }),
      ],
      controllers: [
        HealthController,
        CalendarController,
        SupervisionController,
        ApplicantProgressController,
        RatingFollowUpController,
      ],
      providers: [
        ApplicantProgressService,
        RatingFollowUpService,
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
        {
          provide: CASE_ACTIVITIES_WORKER,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            env.TEMPORAL_WORKER_ENABLED
              ? new ManagedWorker({
                  temporal,
                  taskQueue: TASK_QUEUES.caseActivities,
                  activities: createCaseActivities(dataSource),
                })
              : null,
        },
      ],
    };
  }
}
