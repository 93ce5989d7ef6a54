import type {
  FactoryProvider,
  InjectionToken,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { failOnBadData } from './bad-data-failure';
import { heartbeatingActivities } from './heartbeating-activities';
import { timedActivities } from './timed-activities';
import { ManagedWorker } from './managed-worker';
import type { TemporalConfig } from './temporal-config';
import type { TemporalConnection } from './temporal-connection';
import { TEMPORAL_CONNECTION } from './temporal.module';

/**
 * One Temporal worker a service runs: a task queue, and either the workflow code for it or the activities it
 * serves, built from the service's own providers.
 */
export interface WorkerDefinition {
  /** Its key in the service's /health. */
  name: string;
  taskQueue: string;
  /** The workflows module to bundle at start (only the routing service hosts workflow code). */
  workflowsPath?: string;
  inject: readonly InjectionToken[];
  buildActivities?: (dependencies: unknown[]) => object;
}

/** A worker serving activities built from the given providers (typed: the factory takes what `inject` names). */
export function activityWorker<TDependencies extends unknown[]>(definition: {
  name: string;
  taskQueue: string;
  inject: { [K in keyof TDependencies]: InjectionToken };
  activities: (...dependencies: TDependencies) => object;
  /**
   * Each activity tells the server it is at work this often while it runs (see heartbeatingActivities), for
   * workflows that give these activities a heartbeat timeout.
   */
  heartbeatEveryMs?: number;
}): WorkerDefinition {
  const { heartbeatEveryMs } = definition;
  return {
    name: definition.name,
    taskQueue: definition.taskQueue,
    inject: definition.inject,
    // Data no retry can fix fails the activity for good, so the case is flagged instead of retrying for ever.
    buildActivities: (dependencies) => {
      const activities = timedActivities(
        failOnBadData(definition.activities(...(dependencies as TDependencies))),
      );
      return heartbeatEveryMs === undefined
        ? activities
        : heartbeatingActivities(activities, heartbeatEveryMs);
    },
  };
}

/**
 * A worker running the workflow code found at `workflowsPath`, and the local activities that code calls (run
 * inside its workflow tasks: no round trip through the server for cheap, read-only work such as the calendar).
 */
export function workflowWorker<TDependencies extends unknown[] = []>(definition: {
  name: string;
  taskQueue: string;
  workflowsPath: string;
  inject?: { [K in keyof TDependencies]: InjectionToken };
  localActivities?: (...dependencies: TDependencies) => object;
}): WorkerDefinition {
  const { localActivities } = definition;
  return {
    name: definition.name,
    taskQueue: definition.taskQueue,
    workflowsPath: definition.workflowsPath,
    inject: definition.inject ?? [],
    ...(localActivities
      ? {
          buildActivities: (dependencies: unknown[]) =>
            timedActivities(failOnBadData(localActivities(...(dependencies as TDependencies)))),
        }
      : {}),
  };
}

/**
 * The workers of one service: started once the app has booted, drained on shutdown, reported in /health. With
 * TEMPORAL_WORKER_ENABLED=0 the service runs its HTTP side only and each worker reports as disabled.
 */
export class TemporalWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly workers: readonly { name: string; worker: ManagedWorker | null }[]) {}

  /**
   * The provider a service lists in its root module (so its activities can be built from that module's providers):
   *
   *   TemporalWorkers.provide({ temporal, enabled: env.TEMPORAL_WORKER_ENABLED === 1, workers: [activityWorker({ … })] })
   */
  static provide(options: {
    temporal: TemporalConfig;
    enabled: boolean;
    workers: readonly WorkerDefinition[];
  }): FactoryProvider<TemporalWorkers> {
    return {
      provide: TemporalWorkers,
      inject: [TEMPORAL_CONNECTION, ...options.workers.flatMap((definition) => [...definition.inject])],
      useFactory: (connection: TemporalConnection, ...dependencies: unknown[]) =>
        TemporalWorkers.build(options.temporal, connection, options.enabled, options.workers, dependencies),
    };
  }

  private static build(
    temporal: TemporalConfig,
    connection: TemporalConnection,
    enabled: boolean,
    definitions: readonly WorkerDefinition[],
    dependencies: unknown[],
  ): TemporalWorkers {
    let offset = 0;
    return new TemporalWorkers(
      definitions.map((definition) => {
        const own = dependencies.slice(offset, offset + definition.inject.length);
        offset += definition.inject.length;
        const worker = enabled
          ? new ManagedWorker({
              temporal,
              connection,
              taskQueue: definition.taskQueue,
              workflowsPath: definition.workflowsPath,
              activities: definition.buildActivities?.(own),
            })
          : null;
        return { name: definition.name, worker };
      }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const { worker } of this.workers) await worker?.onApplicationBootstrap();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker?.onApplicationShutdown()));
  }

  /** Each worker's /health entry: up while it polls, up as "disabled" when turned off, down otherwise. */
  health(indicators: HealthIndicatorService): (() => HealthIndicatorResult)[] {
    return this.workers.map(({ name, worker }) => () => {
      const indicator = indicators.check(name);
      if (!worker) return indicator.up({ state: 'disabled' });
      const state = worker.host.state;
      return state === 'RUNNING' ? indicator.up({ state }) : indicator.down({ state });
    });
  }
}
