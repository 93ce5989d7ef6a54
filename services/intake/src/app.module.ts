import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@oneseal/auth';
import { KafkaModule, parseBrokers } from '@oneseal/kafka';
import { DatabaseModule, MessagingModule, serviceLoggerModule } from '@oneseal/service-kit';
import { Application } from './applications/application.entity';
import { ApplicationsModule } from './applications/applications.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { CaseFilesModule } from './case-files/case-files.module';
import { OnlineFilingModule } from './online-filing/online-filing.module';
import { HallModule } from './hall/hall.module';
import { HomeVisitsModule } from './home-visits/home-visits.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CatalogueImportsModule } from './catalogue-imports/catalogue-imports.module';
import { RouteRulesModule } from './route-rules/route-rules.module';
import { CountyBureausModule } from './county-bureaus/county-bureaus.module';
import { ServiceCentersModule } from './service-centers/service-centers.module';
import { INTAKE_SCHEMA, type IntakeEnv } from './config/intake.env';
import { PROVINCIAL_EXCHANGE_CONSUMES } from './provincial-exchange/case-stages.consumer';
import { ProvincialExchangeModule } from './provincial-exchange/provincial-exchange.module';
import { HealthController } from './health/health.controller';
import { INTAKE_MIGRATIONS } from './migrations';

@Module({})
export class IntakeModule {
  static forEnv(env: IntakeEnv): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        serviceLoggerModule('intake', env.LOG_LEVEL),
        DatabaseModule.forRoot({
          url: env.DATABASE_URL,
          schema: INTAKE_SCHEMA,
          entities: [Application],
          migrations: INTAKE_MIGRATIONS,
        }),
        KafkaModule.forRoot({
          clientId: 'oneseal-intake',
          brokers: parseBrokers(env.KAFKA_BROKERS),
          signingKeyFile: env.EVENT_SIGNING_KEY_FILE,
          producerKeysDir: env.EVENT_PRODUCER_KEYS_DIR,
          produces: 'intake',
          // Only the exchange with the province consumes: each case's stages, to push them there.
          ...(env.PROVINCIAL_EXCHANGE_URL
            ? {
                consumerGroup: `${env.KAFKA_GROUP_PREFIX}.intake`,
                consumes: PROVINCIAL_EXCHANGE_CONSUMES,
              }
            : {}),
        }),
        MessagingModule.forRoot(INTAKE_SCHEMA, env),
        AuthModule.forPublicKeyFile(env.AUTH_PUBLIC_KEY_FILE, env.AUTH_SESSION_URL),
        TerminusModule,
        PersonalDataModule.forKeys({
          personalDataKey: Buffer.from(env.PERSONAL_DATA_KEY, 'hex'),
          applicantLookupKey: Buffer.from(env.APPLICANT_LOOKUP_KEY, 'hex'),
        }),
        ApplicationsModule,
        CatalogueModule,
        CatalogueImportsModule,
        RouteRulesModule,
        CountyBureausModule,
        ServiceCentersModule,
        CaseFilesModule.forEnv(env),
        OnlineFilingModule.forEnv(env),
        HallModule.forEnv(env),
        HomeVisitsModule,
        ProvincialExchangeModule.forEnv(env),
      ],
      controllers: [HealthController],
    };
  }
}
