import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { TemporalConnection } from './temporal-connection';
import type { TemporalConfig } from './temporal-config';

export interface WorkerHostLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface WorkerHostOptions {
  temporal: TemporalConfig;
  /** The service's shared connection (its client's too); without one, the worker opens and closes its own. */
  connection?: TemporalConnection;
  taskQueue: string;
  logger: WorkerHostLogger;
  /** Activities this service runs, built from its own providers. */
  activities?: object;
  /** Path of a prebuilt workflow bundle, or of the workflows module to bundle at start. */
  workflowBundlePath?: string;
  workflowsPath?: string;
  tuning?: Pick<
    WorkerOptions,
    'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'maxCachedWorkflows'
  >;
  /** Called when the worker stops on its own (not through stop()): the process must not run on half-alive. */
  onFatal: (error: unknown) => void;
}

/**
 * Runs one Temporal worker beside a service. `run()` is kept as a promise and awaited on shutdown, so
 * in-flight activities finish before the process exits, and a worker that dies takes the process with it.
 */
export class WorkerHost {
  private worker?: Worker;
  /** The connection this worker opened itself (none when it shares the service's). */
  private ownConnection?: NativeConnection;
  private starting?: Promise<void>;
  private running?: Promise<void>;
  private stopping = false;

  constructor(private readonly options: WorkerHostOptions) {}

  /** Creates the worker and sets it polling; a stop asked for meanwhile drains it at once. */
  start(): Promise<void> {
    this.starting ??= this.createAndRun();
    return this.starting;
  }

  private async createAndRun(): Promise<void> {
    const { temporal, taskQueue, logger, connection: shared } = this.options;
    shared?.attach(this);
    this.ownConnection = shared ? undefined : await NativeConnection.connect({ address: temporal.address });
    this.worker = await Worker.create({
      connection: shared?.native ?? this.ownConnection,
      namespace: temporal.namespace,
      taskQueue,
      activities: this.options.activities,
      workflowBundle: this.options.workflowBundlePath
        ? { codePath: this.options.workflowBundlePath }
        : undefined,
      workflowsPath: this.options.workflowBundlePath ? undefined : this.options.workflowsPath,
      shutdownGraceTime: '10s',
      ...this.options.tuning,
    });
    this.running = this.worker.run().then(
      () => {
        if (!this.stopping) this.options.onFatal(new Error(`worker on ${taskQueue} stopped unexpectedly`));
      },
      (error: unknown) => {
        logger.error(`worker on ${taskQueue} failed`, error);
        if (!this.stopping) this.options.onFatal(error);
      },
    );
    // Stopped while it was being created (bundling the workflows takes seconds): it lets go of the connection now.
    if (this.stopping) this.worker.shutdown();
    else logger.log(`Temporal worker polling ${taskQueue} in namespace ${temporal.namespace}`);
  }

  get state(): string {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }

  /** Drains the worker; called by the service's shutdown and by its shared connection closing, in either order. */
  async stop(): Promise<void> {
    this.stopping = true;
    // A start under way finishes first (and then drains its worker at once): nothing is left polling after stop.
    await this.starting?.catch(() => undefined);
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    const own = this.ownConnection;
    this.ownConnection = undefined;
    await own?.close();
  }
}
