import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@oneseal/kafka';
import { TemporalHealthIndicator, type ManagedWorker } from '@oneseal/temporal';

export const CASE_WORKFLOW_WORKER = Symbol('CASE_WORKFLOW_WORKER');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
    @Inject(CASE_WORKFLOW_WORKER) private readonly worker: ManagedWorker | null,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.kafka.check(),
      () => this.temporal.check(),
      () => {
        const indicator = this.indicators.check('caseWorkflowWorker');
        if (!this.worker) return indicator.up({ state: 'disabled' });
        const state = this.worker.host.state;
        return state === 'RUNNING' ? indicator.up({ state }) : indicator.down({ state });
      },
    ]);
  }
}
