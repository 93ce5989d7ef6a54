import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { serviceLoggerModule } from '@oneseal/service-kit';
import type { ConsoleEnv } from './config/console.env';
import { HealthController } from './health/health.controller';
import { ApiProxyController, UPSTREAM_TIMEOUT_MS, UPSTREAMS } from './proxy/api-proxy.controller';

@Module({})
export class ConsoleModule {
  static forEnv(env: ConsoleEnv): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [serviceLoggerModule('console', env.LOG_LEVEL), TerminusModule],
      controllers: [HealthController, ApiProxyController],
      providers: [
        { provide: UPSTREAMS, useValue: env.CONSOLE_UPSTREAMS },
        { provide: UPSTREAM_TIMEOUT_MS, useValue: env.CONSOLE_UPSTREAM_TIMEOUT_MS },
      ],
    };
  }
}
