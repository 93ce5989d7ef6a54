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

export const CASE_WORKFLOW_WORKER = Symbol('CASE_WORKFLOW_WORKER');
export const CASE_ACTIVITIES_WORKER = Symbol('CASE_ACTIVITIES_WORKER');

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
    @Inject(CASE_WORKFLOW_WORKER) private readonly worker: ManagedWorker | null,
    @Inject(CASE_ACTIVITIES_WORKER) private readonly activitiesWorker: ManagedWorker | null,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.kafka.check(),
      () => this.temporal.check(),
      () => workerHealth(this.indicators, 'caseWorkflowWorker', this.worker),
      () => workerHealth(this.indicators, 'caseActivitiesWorker', this.activitiesWorker),
    ]);
  }
}
