import {
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Inject,
} from '@nestjs/common';
import { OutboxRelay } from '@oneseal/database';
import { EventProducer } from '@oneseal/kafka';
import { DataSource } from 'typeorm';
import { gaugeFromQuery } from '../metrics/service-metrics';

const OUTBOX_RELAY_CONFIG = Symbol('OUTBOX_RELAY_CONFIG');

interface OutboxRelayConfig {
  schema: string;
  databaseUrl: string;
}

@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    producer: EventProducer,
    @Inject(OUTBOX_RELAY_CONFIG) config: OutboxRelayConfig,
  ) {
    OutboxRelayService.backlogGauge(dataSource, config.schema);
    this.relay = new OutboxRelay({
      databaseUrl: config.databaseUrl,
      schema: config.schema,
      sink: producer,
      logger: {
        warn: (message, error) =>
          this.logger.warn(`${message}: ${error instanceof Error ? error.message : String(error ?? '')}`),
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  /**
   * What waits to be published: on /metrics as oneseal_outbox_pending{schema}. A batch just published counts until
   * it is marked, a quarter second later at most.
   */
  static backlogGauge(dataSource: DataSource, schema: string): void {
    gaugeFromQuery({
      name: 'oneseal_outbox_pending',
      help: 'Events committed to the outbox and not yet published to Kafka',
      labelNames: ['schema'],
      read: async () => {
        const [{ pending }] = (await dataSource.query(
          `SELECT count(*)::int AS pending FROM "${schema}".outbox WHERE published_at IS NULL`,
        )) as { pending: number }[];
        return [{ labels: { schema }, value: pending }];
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** Publishes this service's outbox to Kafka for as long as the service runs. */
@Module({})
export class OutboxRelayModule {
  static forRoot(config: OutboxRelayConfig): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [{ provide: OUTBOX_RELAY_CONFIG, useValue: config }, OutboxRelayService],
      exports: [OutboxRelayService],
    };
  }
}
