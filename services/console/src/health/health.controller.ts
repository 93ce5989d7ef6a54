import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Upstreams } from '../config/console.env';
import { UPSTREAMS } from '../proxy/api-proxy.controller';

/** Up when every service the console passes requests to answers its own /health (one replica at least). */
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
      Object.entries(this.upstreams).map(([name, bases]) => async () => {
        const indicator = this.indicators.check(name);
        // Up while one replica answers: the console passes requests to the ones that do.
        const replies = await Promise.all(
          bases.map((base) =>
            fetch(`${base}/health`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined),
          ),
        );
        const up = replies.filter((reply) => reply?.ok).length;
        return up > 0
          ? indicator.up({ replicas: `${up}/${bases.length}` })
          : indicator.down({ status: replies[0]?.status ?? 'unreachable' });
      }),
    );
  }
}
