import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { checkTemporal, connectTemporalClient } from './temporal-client';
import type { TemporalConfig } from './temporal-config';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

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
class TemporalClientShutdown implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/** The Temporal client a service starts, queries and updates workflows with; its workers come with TemporalWorkers. */
@Module({})
export class TemporalModule {
  static forRoot(config: TemporalConfig): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: TEMPORAL_CLIENT, useFactory: () => connectTemporalClient(config) },
        TemporalHealthIndicator,
        TemporalClientShutdown,
      ],
      exports: [TEMPORAL_CLIENT, TemporalHealthIndicator],
    };
  }
}
