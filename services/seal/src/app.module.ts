import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@oneseal/auth';
import { getDataSourceToken } from '@nestjs/typeorm';
import { SEAL_ACTIVITY_HEARTBEAT, TASK_QUEUES } from '@oneseal/contracts';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, MessagingModule, serviceLoggerModule, RateLimitModule } from '@oneseal/service-kit';
import { activityWorker, TemporalModule, TemporalWorkers } from '@oneseal/temporal';
import type { DataSource } from 'typeorm';
import { createSealActivities } from './activities/seal.activities';
import { folderMustBeMounted } from './config/document-folder-env';
import { SEAL_SCHEMA, type SealEnv } from './config/seal.env';
import { KeyEncryption } from './crypto/key-encryption';
import { DivisionNames } from './divisions/division-names';
import { BureauRegisteredConsumer, SEAL_CONSUMES } from './organs/bureau-registered.consumer';
import { DocumentIssuingService } from './documents/document-issuing.service';
import { SEAL_ENTITIES } from './entities';
import { HealthController } from './health/health.controller';
import { LedgerController } from './ledger/ledger.controller';
import { SEAL_MIGRATIONS } from './migrations';
import { NoticeIssuingService } from './notices/notice-issuing.service';
import { NoticesController } from './notices/notices.controller';
import { OrgansController } from './organs/organs.controller';
import { SealRegistry } from './seals/seal-registry';
import { SealsController } from './seals/seals.controller';
import { documentPdfs, DOCUMENT_PDFS } from './stamps/document-pdfs';
import { StampsController } from './stamps/stamps.controller';
import { SealVerificationService } from './verification/seal-verification.service';
import { VerificationController } from './verification/verification.controller';

@Module({})
export class SealModule {
  static forEnv(env: SealEnv): DynamicModule {
    const temporal = { address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE };
    const keys = new KeyEncryption(env.SEAL_KEY_ENCRYPTION_KEY);
    const divisions = DivisionNames.fromSeeds(env.ONESEAL_SEEDS_DIR);
    const pdfs = documentPdfs(env.SEAL_DOCUMENT_FOLDER, folderMustBeMounted(env));
    return {
      module: SealModule,
      imports: [
        serviceLoggerModule('seal', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: SEAL_SCHEMA,
          entities: SEAL_ENTITIES,
          migrations: SEAL_MIGRATIONS,
        }),
        KafkaModule.forRoot({
          clientId: 'oneseal-seal',
          brokers: parseBrokers(env.KAFKA_BROKERS),
          signingKeyFile: env.EVENT_SIGNING_KEY_FILE,
          producerKeysDir: env.EVENT_PRODUCER_KEYS_DIR,
          consumerGroup: `${env.KAFKA_GROUP_PREFIX}.seal`,
          produces: 'seal',
          consumes: [...SEAL_CONSUMES],
        }),
        MessagingModule.forRoot(SEAL_SCHEMA, env),
        TemporalModule.forRoot(temporal),
        AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE, env.AUTH_SESSION_URL),
        TerminusModule,
        RateLimitModule.forSchema(SEAL_SCHEMA),
      ],
      controllers: [
        HealthController,
        SealsController,
        StampsController,
        VerificationController,
        LedgerController,
        OrgansController,
        NoticesController,
        BureauRegisteredConsumer,
      ],
      providers: [
        { provide: DivisionNames, useValue: divisions },
        {
          provide: SealRegistry,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new SealRegistry(dataSource, keys, divisions),
        },
        {
          provide: DocumentIssuingService,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new DocumentIssuingService(dataSource, keys, divisions, env.PUBLIC_BASE_URL, pdfs),
        },
        {
          provide: NoticeIssuingService,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new NoticeIssuingService(dataSource, keys, env.PUBLIC_BASE_URL, pdfs),
        },
        {
          provide: SealVerificationService,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new SealVerificationService(dataSource, pdfs),
        },
        { provide: DOCUMENT_PDFS, useValue: pdfs },
        TemporalWorkers.provide({
          temporal,
          enabled: env.TEMPORAL_WORKER_ENABLED === 1,
          workers: [
            activityWorker<[DocumentIssuingService]>({
              name: 'activityWorker',
              taskQueue: TASK_QUEUES.sealActivities,
              inject: [DocumentIssuingService],
              activities: createSealActivities,
              heartbeatEveryMs: SEAL_ACTIVITY_HEARTBEAT.everyMs,
            }),
          ],
        }),
      ],
    };
  }
}
