import {
  ContractViolation,
  TOPICS,
  parseEvent,
  type EventContract,
  type EventEnvelope,
} from '@oneseal/contracts';
import type { Producer } from 'kafkajs';
import { isEngineUnavailable } from '@oneseal/errors';
import { sendToDeadLetter, type DeadLetterReason, type ReceivedMessage } from './dead-letter';
import { OffsetCommitter } from './offset-committer';
import { RenewOnFailure, type ProducerRenewal } from './producer-renewal';
import type { ProducerVerifier } from './producer-identity';
import { Counter, Histogram } from 'prom-client';

const consumed = new Counter({
  name: 'oneseal_events_consumed_total',
  help: 'Events taken at a consumer edge, by outcome (handled, dead-lettered, retried)',
  labelNames: ['consumer', 'topic', 'outcome'] as const,
});
const handling = new Histogram({
  name: 'oneseal_event_handling_seconds',
  help: 'How long a consumer took to handle an event (validated and applied)',
  labelNames: ['consumer', 'topic'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

/**
 * Thrown by a handler for an event that is valid but can never be processed (e.g. it names a case this
 * service will never know). Anything else a handler throws is treated as transient and redelivered.
 */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

/**
 * What the edge throws for Kafka to deliver a message again, whatever the handler threw. kafkajs stops a consumer for
 * good on a TypeError, RangeError, ReferenceError or SyntaxError (it counts them as unrecoverable): the service
 * would look healthy and never consume again. Wrapped, every failure is retried, and a poison message is parked.
 */
export class RedeliveryNeeded extends Error {
  readonly retriable = true;

  constructor(cause: unknown) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause), { cause });
    this.name = 'RedeliveryNeeded';
  }
}

export interface ConsumerEdgeLogger {
  warn(message: string): void;
}

export interface ConsumerEdgeOptions {
  /** Checks who published each event; absent only where a test feeds the edge by hand. */
  verifier?: ProducerVerifier;
  maxAttempts?: number;
  /** The platform's dead-letter topic, unless a test parks its letters where no running service reads them. */
  deadLetterTopic?: string;
  /** How long a handled message's offset may wait to be committed (OffsetCommitter). */
  commitIntervalMs?: number;
  /** Where a new producer comes from after a failed dead-letter send (see RenewOnFailure). */
  renewal?: ProducerRenewal;
}

export type EdgeOutcome = 'handled' | 'dead-lettered';

/** Attempts a message gets before it is parked as poison (an engine being down never counts). */
export const MAX_DELIVERY_ATTEMPTS = 10;
const MAX_REMEMBERED_MESSAGES = 10_000;

/**
 * Where a message enters a service: validated against its contract, then handed to the handler. What can
 * never succeed goes to the dead-letter topic and is acknowledged; what may succeed later is rethrown so
 * Kafka redelivers it — while an engine is down, for as long as it takes; for any other error, at most
 * MAX_DELIVERY_ATTEMPTS times, then it is parked too, so one poison message never blocks its partition.
 */
export class ConsumerEdge {
  /** Failed attempts per message (topic, partition, offset), in this process. */
  private readonly attempts = new Map<string, number>();

  private readonly verifier?: ProducerVerifier;
  private readonly maxAttempts: number;
  private readonly deadLetterTopic: string;
  private readonly offsets: OffsetCommitter;
  private readonly producers: RenewOnFailure;
  /** The last dead letter's send, settled or not: the next one waits for it (see deadLetter). */
  private lettersSent: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly consumer: string,
    producer: Producer,
    private readonly logger: ConsumerEdgeLogger,
    options: ConsumerEdgeOptions = {},
  ) {
    this.producers = new RenewOnFailure(producer, options.renewal);
    this.verifier = options.verifier;
    this.maxAttempts = options.maxAttempts ?? MAX_DELIVERY_ATTEMPTS;
    this.deadLetterTopic = options.deadLetterTopic ?? TOPICS.deadLetterV1;
    this.offsets = new OffsetCommitter(
      (error) =>
        this.logger.warn(
          `${this.consumer}: offsets not committed, the messages will be delivered again: ${error instanceof Error ? error.message : String(error)}`,
        ),
      options.commitIntervalMs,
    );
  }

  /**
   * A message its consumer dealt with without the edge (a dead letter recorded, a topic it has nothing to do with):
   * its offset may be committed like a handled one's, or the group would read it again after every restart.
   */
  acknowledge(message: ReceivedMessage): void {
    if (message.commits) this.offsets.note(message.commits, message.topic, message.partition, message.offset);
  }

  /** Commits what was handled: before the consumer stops, so a restart redelivers as little as possible. */
  async onModuleDestroy(): Promise<void> {
    await this.offsets.flush();
  }

  async consume<TPayload extends object>(
    contract: EventContract<TPayload>,
    message: ReceivedMessage,
    handler: (event: EventEnvelope<TPayload>) => Promise<unknown>,
  ): Promise<EdgeOutcome> {
    const labels = { consumer: this.consumer, topic: message.topic };
    const end = handling.startTimer(labels);
    try {
      const outcome = await this.take(contract, message, handler);
      consumed.inc({ ...labels, outcome });
      this.acknowledge(message);
      return outcome;
    } catch (error) {
      consumed.inc({ ...labels, outcome: 'retried' });
      throw error;
    } finally {
      end();
    }
  }

  private async take<TPayload extends object>(
    contract: EventContract<TPayload>,
    message: ReceivedMessage,
    handler: (event: EventEnvelope<TPayload>) => Promise<unknown>,
  ): Promise<EdgeOutcome> {
    const producer = this.verifier?.check(contract, message.value, message.headers);
    if (producer && !producer.verified) {
      await this.deadLetter(message, 'unverified-producer', [producer.reason]);
      return 'dead-lettered';
    }
    let event: EventEnvelope<TPayload>;
    try {
      event = parseEvent(contract, message.value);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      await this.deadLetter(message, 'contract-violation', error.issues);
      return 'dead-lettered';
    }
    const key = `${message.topic}:${message.partition}:${message.offset}`;
    try {
      await handler(event);
      this.attempts.delete(key);
      return 'handled';
    } catch (error) {
      if (error instanceof PermanentFailure) {
        this.attempts.delete(key);
        await this.deadLetter(message, 'permanent-failure', [error.message]);
        return 'dead-lettered';
      }
      if (isEngineUnavailable(error)) throw new RedeliveryNeeded(error);
      const attempts = (this.attempts.get(key) ?? 0) + 1;
      if (attempts < this.maxAttempts) {
        // Counts of messages this process will not see again (its partition moved elsewhere) are dropped when many.
        if (this.attempts.size >= MAX_REMEMBERED_MESSAGES) this.attempts.clear();
        this.attempts.set(key, attempts);
        throw new RedeliveryNeeded(error);
      }
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await this.deadLetter(message, 'retries-exhausted', [`failed ${attempts} times; last: ${reason}`]);
      // Forgotten once parked: a letter that could not be sent is sent again at the next delivery, not after as many
      // attempts again.
      this.attempts.delete(key);
      return 'dead-lettered';
    }
  }

  /**
   * Parks a message on the dead-letter topic, one letter at a time per edge (its consumers handle several partitions at
   * once): kafkajs gives an idempotent producer's sequence numbers back when a request fails, inside its own retries,
   * and a letter sent meanwhile to the same partition would take them and be answered as a duplicate of one the broker
   * may have written, without being written itself. One at a time, a failed letter's retry is the only send that
   * reuses its numbers, and a new producer is taken before the next letter (RenewOnFailure).
   */
  private deadLetter(
    message: ReceivedMessage,
    reason: DeadLetterReason,
    issues: readonly string[],
  ): Promise<void> {
    const sent = this.lettersSent.then(() => this.sendLetter(message, reason, issues));
    this.lettersSent = sent.catch(() => undefined);
    return sent;
  }

  private async sendLetter(
    message: ReceivedMessage,
    reason: DeadLetterReason,
    issues: readonly string[],
  ): Promise<void> {
    this.logger.warn(
      `${this.consumer}: dead-lettering ${message.topic}[${message.partition}]@${message.offset} (${reason}): ${issues.join('; ')}`,
    );
    const producer = await this.producers.current();
    try {
      await sendToDeadLetter(producer, this.deadLetterTopic, {
        consumer: this.consumer,
        originalTopic: message.topic,
        partition: message.partition,
        offset: message.offset,
        key: message.key,
        value: message.value,
        ...(message.headers ? { headers: message.headers } : {}),
        reason,
        issues,
        failedAt: new Date().toISOString(),
      });
    } catch (error) {
      // Delivered again, the message is parked at once, with a new producer. A letter whose answer was lost after it
      // was written is then listed twice among the dead letters, as one parked again after a restart already is;
      // sending either back delivers the same event, which its consumers take once.
      this.producers.failed();
      throw new RedeliveryNeeded(error);
    }
  }
}
