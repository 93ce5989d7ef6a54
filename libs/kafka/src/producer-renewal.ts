import type { Producer } from 'kafkajs';

/** Where a relay gets a new producer: a new producer id, numbering from zero again. */
export interface ProducerRenewal {
  next(): Promise<Producer>;
}

/**
 * New producers for an outbox relay, each connected before it is handed over; the one it replaces (if made here) is
 * disconnected, and the latest on close.
 */
export class RenewedProducers implements ProducerRenewal {
  private latest?: Producer;

  constructor(private readonly create: () => Producer) {}

  async next(): Promise<Producer> {
    const producer = this.create();
    await producer.connect();
    const replaced = this.latest;
    this.latest = producer;
    // Its sends have all ended (the relay asks only after a publish settled); a failed disconnect changes nothing.
    await replaced?.disconnect().catch(() => undefined);
    return producer;
  }

  async close(): Promise<void> {
    await this.latest?.disconnect();
    this.latest = undefined;
  }
}
