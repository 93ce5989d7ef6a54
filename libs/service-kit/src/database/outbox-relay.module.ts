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
    this.relay = new OutboxRelay({
      dataSource,
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
