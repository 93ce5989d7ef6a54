import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CheckpointsService } from './checkpoints.service';

export const CHECKPOINT_INTERVAL_MS = Symbol('CHECKPOINT_INTERVAL_MS');

/** Takes a checkpoint on a schedule; replicas may all run it (the database lock lets one sign at a time). */
@Injectable()
export class CheckpointSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointSchedule.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly checkpoints: CheckpointsService,
    @Inject(CHECKPOINT_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.checkpoints
        .take()
        .then((taken) => {
          if (taken) this.logger.log(`checkpoint ${taken.seq} signed: ${taken.headsCount} chain heads`);
        })
        .catch((error: unknown) => this.logger.warn(`checkpoint not taken, will try again: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
