import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ExchangeRounds } from './exchange-rounds';

/** Runs the exchange's rounds for as long as intake runs, one at a time, a pause between them. */
export class ExchangePoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProvincialExchange');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly rounds: ExchangeRounds,
    private readonly pauseMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.rounds
        .runOnce()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(
            `exchange round failed; the next round retries: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule(this.pauseMs);
        });
    }, delayMs);
  }
}
