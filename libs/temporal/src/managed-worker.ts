import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkerHost, type WorkerHostOptions } from './worker-host';

/**
 * A WorkerHost as a Nest provider: polls once the app has booted, drains on shutdown, and stops the process
 * (exit code 1, through the normal graceful shutdown) if the worker dies on its own, so a supervisor restarts
 * it instead of leaving a service that answers /health but runs no activities.
 */
export class ManagedWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  readonly host: WorkerHost;

  constructor(options: Omit<WorkerHostOptions, 'logger' | 'onFatal'>) {
    this.logger = new Logger(`Worker ${options.taskQueue}`);
    this.host = new WorkerHost({
      ...options,
      logger: {
        log: (message) => this.logger.log(message),
        error: (message, error) =>
          this.logger.error(message, error instanceof Error ? error.stack : String(error)),
      },
      onFatal: (error) => {
        this.logger.fatal(`worker died: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
        process.kill(process.pid, 'SIGTERM');
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.host.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.stop();
  }
}
