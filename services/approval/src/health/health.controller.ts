import { Public } from '@oneseal/auth';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@oneseal/kafka';
import { TemporalHealthIndicator, workerHealth, type ManagedWorker } from '@oneseal/temporal';

export const APPROVAL_WORKER = Symbol('APPROVAL_WORKER');

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
    @Inject(APPROVAL_WORKER) private readonly worker: ManagedWorker | null,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.kafka.check(),
      () => this.temporal.check(),
      () => workerHealth(this.indicators, 'activityWorker', this.worker),
    ]);
  }
}
