import type { Producer } from 'kafkajs';

/** Where a relay gets a new producer: a new producer id, numbering from zero again. */
export interface ProducerRenewal {
  next(): Promise<Producer>;
}

/**
 * A producer that is replaced after any failed send, before the next. A send that failed may still have been written
 * (its answer lost with the connection, or the broker's own timeout waiting for its replicas), and kafkajs (2.2.4) then
 * gives its sequence numbers back: the next batch of as many messages to that partition goes out with the same
 * numbers, and Kafka, taking it for a retry of the written one, answers "done" without writing it (reproduced on a
 * real broker: send-outcome-unknown.int-spec.ts). A new producer numbers from zero under a new producer id, so every
 * batch is written; one that was written before is written again, and the consumers, which take each event id once,
 * drop the copy. It also covers a broker refusing the numbering outright (OUT_OF_ORDER_SEQUENCE_NUMBER,
 * UNKNOWN_PRODUCER_ID …), which kafkajs never recovers from. Without a renewal (a test's), the producer stays.
 *
 * Its callers send one batch at a time (the relay one publish, a consumer edge one dead letter): a renewal then never
 * disconnects a producer a send is still using, and no send takes the numbers a failing one gave back.
 */
export class RenewOnFailure {
  private renewBeforeNextSend = false;

  constructor(
    private producer: Producer,
    private readonly renewal?: ProducerRenewal,
  ) {}

  /**
   * The producer to send with. After a failure it is a new one; while none can be had (Kafka down) this throws, and
   * nothing is sent with the old one.
   */
  async current(): Promise<Producer> {
    if (this.renewBeforeNextSend && this.renewal) {
      this.producer = await this.renewal.next();
      this.renewBeforeNextSend = false;
    }
    return this.producer;
  }

  /** A send with the current producer failed: call once every send under way with it has ended. */
  failed(): void {
    this.renewBeforeNextSend = true;
  }
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
    try {
      await producer.connect();
    } catch (error) {
      // kafkajs connects to the cluster before it asks for a producer id: a failure there leaves sockets open.
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
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
