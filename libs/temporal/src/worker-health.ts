import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { ManagedWorker } from './managed-worker';

/**
 * A service's /health entry for one of its Temporal workers: up while it polls, up as "disabled" when the service
 * runs its HTTP side only (TEMPORAL_WORKER_ENABLED=0), down in any other state.
 */
export function workerHealth(
  indicators: HealthIndicatorService,
  key: string,
  worker: ManagedWorker | null,
): HealthIndicatorResult {
  const indicator = indicators.check(key);
  if (!worker) return indicator.up({ state: 'disabled' });
  const state = worker.host.state;
  return state === 'RUNNING' ? indicator.up({ state }) : indicator.down({ state });
}
