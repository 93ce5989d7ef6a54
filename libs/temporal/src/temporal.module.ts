import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { checkTemporal } from './temporal-client';
import type { TemporalConfig } from './temporal-config';
import { TemporalConnection } from './temporal-connection';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The service's one TemporalConnection: its client's, and its workers' (TemporalWorkers). */
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'temporal') {
    const indicator = this.health.check(key);
    try {
      await checkTemporal(this.client);
      return indicator.up({ namespace: this.client.options.namespace });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

@Injectable()
class TemporalConnectionShutdown implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: TemporalConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * The Temporal client a service starts, queries and updates workflows with, on the connection its workers
 * (TemporalWorkers) poll through.
 */
@Module({})
export class TemporalModule {
  static forRoot(config: TemporalConfig): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: TEMPORAL_CONNECTION, useFactory: () => TemporalConnection.open(config) },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION],
          useFactory: (connection: TemporalConnection) => connection.client,
        },
        TemporalHealthIndicator,
        TemporalConnectionShutdown,
      ],
      exports: [TEMPORAL_CLIENT, TEMPORAL_CONNECTION, TemporalHealthIndicator],
    };
  }
}
