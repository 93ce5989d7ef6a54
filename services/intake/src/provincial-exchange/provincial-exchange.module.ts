import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { IntakeEnv } from '../config/intake.env';
import { ApplicationsModule } from '../applications/applications.module';
import { AttachmentsService } from '../case-files/attachments/attachments.service';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OnlineFilingService } from '../online-filing/online-filing.service';
import { CaseStagesConsumer } from './case-stages.consumer';
import { ProvincialExchangeClient } from './exchange-client';
import { ExchangePoller } from './exchange-poller';
import { ExchangeRounds } from './exchange-rounds';
import { ProvincialApplicationIntake } from './provincial-applications';
import { EXCHANGE_CONNECTED, ProvincialExchangeController } from './provincial-exchange.controller';
import { ProvincialPushQueue } from './provincial-push-queue';
import { StageRecorder } from './stage-recorder';

/**
 * The exchange with the province's 一体化在线政务服务平台. Without PROVINCIAL_EXCHANGE_URL only its status page is
 * there (saying it is not connected); with it, case stages are queued from their events and a poller sends them and
 * the guides, and takes in 一网通办 applications.
 */
@Module({})
export class ProvincialExchangeModule {
  static forEnv(env: IntakeEnv): DynamicModule {
    const connected = env.PROVINCIAL_EXCHANGE_URL !== undefined;
    const status: Provider = { provide: EXCHANGE_CONNECTED, useValue: connected };
    if (!connected)
      return {
        module: ProvincialExchangeModule,
        providers: [status],
        controllers: [ProvincialExchangeController],
      };
    const client = new ProvincialExchangeClient({
      url: env.PROVINCIAL_EXCHANGE_URL ?? '',
      appId: env.PROVINCIAL_EXCHANGE_APP_ID ?? '',
      appSecret: env.PROVINCIAL_EXCHANGE_APP_SECRET ?? '',
      timeoutMs: env.PROVINCIAL_EXCHANGE_TIMEOUT_MS,
    });
    const retry = {
      retryBaseMs: env.PROVINCIAL_EXCHANGE_RETRY_BASE_MS,
      retryMaxMs: env.PROVINCIAL_EXCHANGE_RETRY_MAX_MS,
    };
    const batch = 20;
    // Long enough for a whole batch sent one after another at the slowest answer the timeout allows.
    const leaseMs = Math.max(60_000, env.PROVINCIAL_EXCHANGE_TIMEOUT_MS * (batch + 3));
    return {
      module: ProvincialExchangeModule,
      // Applications from the province are filed the way OneSeal's own portal files them.
      imports: [ApplicationsModule, CatalogueModule],
      providers: [
        status,
        AttachmentsService,
        OnlineFilingService,
        {
          provide: ProvincialPushQueue,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new ProvincialPushQueue(dataSource),
        },
        {
          provide: StageRecorder,
          inject: [getDataSourceToken(), ProvincialPushQueue],
          useFactory: (dataSource: DataSource, queue: ProvincialPushQueue) =>
            new StageRecorder(dataSource, queue),
        },
        {
          provide: ExchangePoller,
          inject: [getDataSourceToken(), ProvincialPushQueue, OnlineFilingService],
          useFactory: (dataSource: DataSource, queue: ProvincialPushQueue, filing: OnlineFilingService) => {
            const logger = new Logger('ProvincialExchange');
            const applications = new ProvincialApplicationIntake(
              dataSource,
              filing,
              client,
              { pageSize: 10, leaseMs, ...retry },
              logger,
            );
            const rounds = new ExchangeRounds(
              dataSource,
              queue,
              client,
              applications,
              { batch, leaseMs, guideEveryRounds: 15, ...retry },
              logger,
            );
            return new ExchangePoller(rounds, env.PROVINCIAL_EXCHANGE_POLL_MS);
          },
        },
      ],
      controllers: [ProvincialExchangeController, CaseStagesConsumer],
    };
  }
}
