import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { gaugeFromQuery } from '@oneseal/service-kit';
import { DataSource } from 'typeorm';

/** Stages of a case still being handled: a warning on one of these is a deadline at risk. */
const OPEN_STAGES = ['routed', 'in-progress', 'awaiting-correction', 'suspended'];

/**
 * What a supervisor's dashboard shows at a glance, on /metrics from the read model: open cases with a deadline
 * warning standing, by county and severity, and cases stalled on bad data waiting for someone.
 */
@Injectable()
export class DeadlineRiskMetrics implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    gaugeFromQuery({
      name: 'oneseal_cases_at_risk',
      help: 'Open cases with a deadline warning standing (yellow, red, statutory), by county',
      labelNames: ['county', 'severity'],
      read: async () =>
        (
          (await this.dataSource.query(
            `SELECT county, warning AS severity, count(*)::int AS n FROM routing.routed_cases
              WHERE warning IS NOT NULL AND stage = ANY($1) GROUP BY county, warning`,
            [OPEN_STAGES],
          )) as { county: string; severity: string; n: number }[]
        ).map((row) => ({ labels: { county: row.county, severity: row.severity }, value: row.n })),
    });
    gaugeFromQuery({
      name: 'oneseal_cases_stalled',
      help: 'Cases whose step failed on bad data and wait for a fix, by county',
      labelNames: ['county'],
      read: async () =>
        (
          (await this.dataSource.query(
            `SELECT county, count(*)::int AS n FROM routing.routed_cases WHERE stalled_since IS NOT NULL GROUP BY county`,
          )) as { county: string; n: number }[]
        ).map((row) => ({ labels: { county: row.county }, value: row.n })),
    });
  }
}
