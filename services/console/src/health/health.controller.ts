import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Upstreams } from '../config/console.env';
import { UPSTREAMS } from '../proxy/api-proxy.controller';

/** Up when every service the console passes requests to answers its own /health. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(UPSTREAMS) private readonly upstreams: Upstreams,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check(
      Object.entries(this.upstreams).map(([name, base]) => async () => {
        const indicator = this.indicators.check(name);
        const reply = await fetch(`${base}/health`, { signal: AbortSignal.timeout(3000) }).catch(
          () => undefined,
        );
        return reply?.ok ? indicator.up() : indicator.down({ status: reply?.status ?? 'unreachable' });
      }),
    );
  }
}
