import type { Consumer } from 'kafkajs';

/**
 * Whether this process's event consumer still runs. kafkajs gives up on a consumer for good after a crash it does
 * not restart from; without this the service would go on answering /health as up and never consume again.
 */
export class ConsumerLiveness {
  private stoppedBecause: string | undefined;

  watch(consumer: Pick<Consumer, 'on' | 'events'>): void {
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.stoppedBecause = `${payload.error.name}: ${payload.error.message}`;
    });
    consumer.on(consumer.events.STOP, () => {
      this.stoppedBecause ??= 'stopped';
    });
    // A consumer kafkajs restarts joins its group again.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.stoppedBecause = undefined;
    });
  }

  /** Why the consumer stopped, or undefined while it runs. */
  get stopped(): string | undefined {
    return this.stoppedBecause;
  }
}

/** The process's one event consumer (each service runs one consumer group). */
export const consumerLiveness = new ConsumerLiveness();
