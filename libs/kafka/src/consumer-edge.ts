import { ContractViolation, parseEvent, type EventContract, type EventEnvelope } from '@oneseal/contracts';
import type { Producer } from 'kafkajs';
import { sendToDeadLetter, type ReceivedMessage } from './dead-letter';

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

export interface ConsumerEdgeLogger {
  warn(message: string): void;
}

export type EdgeOutcome = 'handled' | 'dead-lettered';

/**
 * Where a message enters a service: validated against its contract, then handed to the handler. What can
 * never succeed goes to the dead-letter topic and is acknowledged; what may succeed later is rethrown so
 * Kafka redelivers it.
 */
export class ConsumerEdge {
  constructor(
    private readonly consumer: string,
    private readonly producer: Producer,
    private readonly logger: ConsumerEdgeLogger,
  ) {}

  async consume<TPayload extends object>(
    contract: EventContract<TPayload>,
    message: ReceivedMessage,
    handler: (event: EventEnvelope<TPayload>) => Promise<unknown>,
  ): Promise<EdgeOutcome> {
    let event: EventEnvelope<TPayload>;
    try {
      event = parseEvent(contract, message.value);
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      await this.deadLetter(message, 'contract-violation', error.issues);
      return 'dead-lettered';
    }
    try {
      await handler(event);
      return 'handled';
    } catch (error) {
      if (!(error instanceof PermanentFailure)) throw error;
      await this.deadLetter(message, 'permanent-failure', [error.message]);
      return 'dead-lettered';
    }
  }

  private async deadLetter(
    message: ReceivedMessage,
    reason: 'contract-violation' | 'permanent-failure',
    issues: readonly string[],
  ): Promise<void> {
    this.logger.warn(
      `${this.consumer}: dead-lettering ${message.topic}[${message.partition}]@${message.offset} (${reason}): ${issues.join('; ')}`,
    );
    await sendToDeadLetter(this.producer, {
      consumer: this.consumer,
      originalTopic: message.topic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
      value: message.value,
      reason,
      issues,
      failedAt: new Date().toISOString(),
    });
  }
}
