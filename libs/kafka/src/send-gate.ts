/**
 * Lets sends run together, or one alone once every send under way has ended (and none starts until it has).
 * kafkajs numbers an idempotent producer's messages per partition; a send that lets kafkajs choose the partition may
 * land in one another send is writing to, and the two must not be under way together: a send that timed out but was
 * written gives its numbers back, and the next send to that partition, reusing them, would be taken by the broker for
 * a duplicate and dropped.
 */
export class SendGate {
  private running = 0;
  private whenIdle?: () => void;
  private alone?: Promise<void>;

  /** Runs `send` beside the other sends, after any that runs alone. */
  async together<T>(send: () => Promise<T>): Promise<T> {
    while (this.alone) await this.alone;
    this.running++;
    try {
      return await send();
    } finally {
      this.running--;
      if (this.running === 0) this.whenIdle?.();
    }
  }

  /** Runs `send` once every send under way has ended; the sends asked for meanwhile wait until it has. */
  async byItself<T>(send: () => Promise<T>): Promise<T> {
    while (this.alone) await this.alone;
    let done: (() => void) | undefined;
    this.alone = new Promise<void>((resolve) => (done = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
      return await send();
    } finally {
      this.whenIdle = undefined;
      this.alone = undefined;
      done?.();
    }
  }
}
