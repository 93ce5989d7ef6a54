import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@oneseal/auth';
import { localCaseActivitiesOf, TASK_QUEUES } from '@oneseal/contracts';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, MessagingModule, serviceLoggerModule, RateLimitModule } from '@oneseal/service-kit';
import { activityWorker, TemporalModule, TemporalWorkers, workflowWorker } from '@oneseal/temporal';
import { ROUTING_CONSUMES } from './cases/application-submitted.consumer';
import { CASE_STEPS_CONSUMES } from './case-steps/case-steps.consumer';
import { CasesModule } from './cases/cases.module';
import { RoutedCase } from './cases/routed-case.entity';
import { CaseCommandsModule } from './case-commands/case-commands.module';
import { ROUTING_SCHEMA, type RoutingEnv } from './config/routing.env';
import { HealthController } from './health/health.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CountyDaysController } from './calendar/county-days.controller';
import { CalendarRecalculations } from './calendar/calendar-recalculations';
import { CalendarRecalculationsController } from './calendar/calendar-recalculations.controller';
import { WorkingDaysController } from './calendar/working-days.controller';
import { DeadlineRiskMetrics } from './supervision/deadline-risk.metrics';
import { SupervisionController } from './supervision/supervision.controller';
import { ApplicantProgressController } from './applicant-progress/applicant-progress.controller';
import { ApplicantProgressService } from './applicant-progress/applicant-progress.service';
import { MyCasesController } from './applicant-progress/my-cases.controller';
import { MyCasesService } from './applicant-progress/my-cases.service';
import { CaseFilePagesClient, INTAKE_URL } from './applicant-progress/case-file-pages.client';
import { RatingFollowUpController } from './rating-follow-up/rating-follow-up.controller';
import { RatingFollowUpService } from './rating-follow-up/rating-follow-up.service';
import { SupervisionOrdersController } from './supervision-orders/supervision-orders.controller';
import { SupervisionOrdersService } from './supervision-orders/supervision-orders.service';
import { AssessmentController } from './assessment/assessment.controller';
import { AssessmentService } from './assessment/assessment.service';
import { AssessmentBulletinsService } from './assessment/assessment-bulletins.service';
import { BulletinSealClient, SEAL_URL } from './assessment/bulletin-seal.client';
import { placeNamesProvider } from './places/place-names';
import { AccountabilityController } from './accountability/accountability.controller';
import { AccountabilityService } from './accountability/accountability.service';
import { RatingPadController } from './rating-follow-up/rating-pad.controller';
import { RatingPadService } from './rating-follow-up/rating-pad.service';
import { RatingRecorder } from './rating-follow-up/rating-recorder';
import { RATING_POLICY } from './rating-follow-up/rating-policy';
import { createCaseActivities } from './case-progress/case-activities';
import { ROUTING_MIGRATIONS } from './migrations';
import { parseSeparatedSteps } from './config/separated-steps';

/**
 * The case's home: routing starts each case's workflow and hosts it, takes the case's own commands, keeps the
 * case read model (supervision, the applicant's progress, ratings) and the working-day calendar.
 */
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
          signingKeyFile: env.EVENT_SIGNING_KEY_FILE,
          producerKeysDir: env.EVENT_PRODUCER_KEYS_DIR,
          consumerGroup: `${env.KAFKA_GROUP_PREFIX}.routing`,
          produces: 'routing',
          consumes: [...ROUTING_CONSUMES, ...CASE_STEPS_CONSUMES],
        }),
        MessagingModule.forRoot(ROUTING_SCHEMA, env),
        TemporalModule.forRoot(temporal),
        AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE, env.AUTH_SESSION_URL),
        TerminusModule,
        RateLimitModule.forSchema(ROUTING_SCHEMA),
        CasesModule.forPolicy({
          correctionWaitWorkingDays: env.CORRECTION_WAIT_WORKING_DAYS,
          separatedSteps: parseSeparatedSteps(env.SEPARATED_STEPS),
          applicantLookupKey: Buffer.from(env.APPLICANT_LOOKUP_KEY, 'hex'),
        }),
        CaseCommandsModule,
      ],
      controllers: [
        HealthController,
        CalendarController,
        CountyDaysController,
        CalendarRecalculationsController,
        WorkingDaysController,
        SupervisionController,
        ApplicantProgressController,
        MyCasesController,
        RatingFollowUpController,
        SupervisionOrdersController,
        AssessmentController,
        AccountabilityController,
        RatingPadController,
      ],
      providers: [
        DeadlineRiskMetrics,
        CalendarRecalculations,
        ApplicantProgressService,
        MyCasesService,
        { provide: INTAKE_URL, useValue: env.INTAKE_URL.replace(/\/+$/, '') },
        CaseFilePagesClient,
        { provide: SEAL_URL, useValue: env.SEAL_URL.replace(/\/+$/, '') },
        BulletinSealClient,
        AssessmentBulletinsService,
        RatingFollowUpService,
        SupervisionOrdersService,
        AssessmentService,
        placeNamesProvider,
        AccountabilityService,
        RatingPadService,
        RatingRecorder,
        { provide: RATING_POLICY, useValue: { rectifyWorkingDays: env.RATING_RECTIFY_WORKING_DAYS } },
        TemporalWorkers.provide({
          temporal,
          enabled: env.TEMPORAL_WORKER_ENABLED === 1,
          workers: [
            // The case workflows' worker; only `workflows/` holds workflow code.
            workflowWorker<[DataSource]>({
              name: 'caseWorkflowWorker',
              taskQueue: TASK_QUEUES.caseWorkflows,
              workflowsPath: require.resolve('@oneseal/workflows'),
              // The calendar and the announcements, run inside the workflow task (LOCAL_CASE_ACTIVITIES).
              inject: [getDataSourceToken()],
              localActivities: (dataSource) => localCaseActivitiesOf(createCaseActivities(dataSource)),
            }),
            activityWorker<[DataSource]>({
              name: 'caseActivitiesWorker',
              taskQueue: TASK_QUEUES.caseActivities,
              inject: [getDataSourceToken()],
              activities: createCaseActivities,
            }),
          ],
        }),
      ],
    };
  }
}
