import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NotificationDelivery } from './notification-delivery';

const BATCH_SIZE = 20;

/** Messages recorded this close together are claimed in one round (an event's consumers record them a few ms apart). */
const GATHER_MS = 20;

/**
 * Runs the delivery for as long as the service runs: on a timer (for retries that fall due) and whenever the
 * planner recorded new messages. One drain at a time per process; several replicas share the work through
 * SKIP LOCKED.
 */
export class DeliveryPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDelivery');
  private timer?: NodeJS.Timeout;
  private gathering?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;

  constructor(
    private readonly delivery: NotificationDelivery,
    private readonly pollIntervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    clearTimeout(this.gathering);
    await this.draining;
  }

  /** New messages were recorded: a round starts shortly, with whatever else is recorded meanwhile. */
  soon(): void {
    if (this.stopped || this.gathering) return;
    this.gathering = setTimeout(() => {
      this.gathering = undefined;
      this.wake();
    }, GATHER_MS);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.delivery.deliverDue(BATCH_SIZE)) === BATCH_SIZE) {
        // a full batch means more may be due
      }
    } catch (error) {
      this.logger.warn(
        `delivery round failed; next round retries: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
