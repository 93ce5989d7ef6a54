import { Public } from '@oneseal/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@oneseal/kafka';
import { TemporalHealthIndicator, TemporalWorkers } from '@oneseal/temporal';

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
    private readonly workers: TemporalWorkers,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.kafka.check(),
      () => this.temporal.check(),
      ...this.workers.health(this.indicators),
    ]);
  }
}
