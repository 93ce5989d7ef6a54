import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@oneseal/auth';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TASK_QUEUES } from '@oneseal/contracts';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, MessagingModule, serviceLoggerModule } from '@oneseal/service-kit';
import { activityWorker, TemporalModule, TemporalWorkers } from '@oneseal/temporal';
import type { DataSource } from 'typeorm';
import { createApprovalActivities } from './activities/approval.activities';
import { APPROVAL_SCHEMA, type ApprovalEnv } from './config/approval.env';
import { HealthController } from './health/health.controller';
import { APPROVAL_MIGRATIONS } from './migrations';
import { ReviewTask } from './tasks/review-task.entity';
import { TaskDecisionsService } from './tasks/task-decisions.service';
import { TasksController } from './tasks/tasks.controller';
import { TaskClaimsService } from './tasks/task-claims.service';
import { TasksInScope } from './tasks/tasks-in-scope';
import { INBOX_CHANGES_DATABASE_URL, InboxChanges } from './tasks/inbox-changes';
import { TaskSupervisionController } from './supervision/task-supervision.controller';

@Module({})
export class ApprovalModule {
  static forEnv(env: ApprovalEnv): DynamicModule {
    const temporal = { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE };
    return {
      module: ApprovalModule,
      imports: [
        serviceLoggerModule('approval', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: APPROVAL_SCHEMA,
          entities: [ReviewTask],
          migrations: APPROVAL_MIGRATIONS,
        }),
        KafkaModule.forRoot({
          clientId: 'oneseal-approval',
          brokers: parseBrokers(env.KAFKA_BROKERS),
          signingKeyFile: env.EVENT_SIGNING_KEY_FILE,
          producerKeysDir: env.EVENT_PRODUCER_KEYS_DIR,
          produces: 'approval',
        }),
        MessagingModule.forRoot(APPROVAL_SCHEMA, env),
        TemporalModule.forRoot(temporal),
        AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE, env.AUTH_SESSION_URL),
        TerminusModule,
      ],
      controllers: [HealthController, TasksController, TaskSupervisionController],
      providers: [
        TasksInScope,
        { provide: INBOX_CHANGES_DATABASE_URL, useValue: env.DATABASE_URL },
        InboxChanges,
        TaskClaimsService,
        TaskDecisionsService,
        TemporalWorkers.provide({
          temporal,
          enabled: env.TEMPORAL_WORKER_ENABLED === 1,
          workers: [
            activityWorker<[DataSource]>({
              name: 'activityWorker',
              taskQueue: TASK_QUEUES.approvalActivities,
              inject: [getDataSourceToken()],
              activities: createApprovalActivities,
            }),
          ],
        }),
      ],
    };
  }
}
