import {
  Transport,
  type KafkaContext,
  type KafkaOptions,
  type MicroserviceOptions,
} from '@nestjs/microservices';
import type { IHeaders } from 'kafkajs';
import { CONSUMER_PARTITION_ASSIGNERS } from '../case-partition-assigner';
import type { ReceivedMessage } from '../dead-letter';

/** Nest restates kafkajs's types in a copy of its own (missing two admin calls the assigners never use). */
type NestPartitionAssigners = NonNullable<
  NonNullable<NonNullable<KafkaOptions['options']>['consumer']>['partitionAssigners']
>;

export interface KafkaTransportConfig {
  clientId: string;
  brokers: readonly string[];
  groupId: string;
  /**
   * How many partitions the consumer handles at once (kafkajs's partitionsConsumedConcurrently; 1 unless said). A
   * partition's events are always handled one after another; with more than one, events of one case on different
   * topics may be handled at the same time, so only a service whose handlers are safe for that raises it.
   */
  partitionsAtOnce?: number;
}

/** Options for app.connectMicroservice: one consumer group per service, events only (no request-reply). */
export function kafkaTransportOptions(config: KafkaTransportConfig): MicroserviceOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: {
        clientId: `${config.clientId}-consumer`,
        brokers: [...config.brokers],
        // kafkajs's own doubling waits here: a consumer's retries count towards parking an event (ConsumerEdge).
        retry: { retries: 8 },
      },
      consumer: {
        groupId: config.groupId,
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        allowAutoTopicCreation: false,
        // Replicas of a service each keep their cases: a case's events in one partition number of every topic.
        partitionAssigners: CONSUMER_PARTITION_ASSIGNERS as unknown as NestPartitionAssigners,
      },
      // A new consumer group starts from the oldest retained event: nothing published before it joined is lost.
      subscribe: { fromBeginning: true },
      // The consumer edge commits what it handled, once a second (OffsetCommitter), not kafkajs after every batch.
      run: { autoCommit: false, partitionsConsumedConcurrently: config.partitionsAtOnce ?? 1 },
      producer: { allowAutoTopicCreation: false },
    },
  };
}

/** The coordinates of the message a Nest @EventPattern handler received, for the consumer edge. */
export function receivedMessage(value: unknown, context: KafkaContext): ReceivedMessage {
  const message = context.getMessage();
  return {
    topic: context.getTopic(),
    partition: context.getPartition(),
    offset: message.offset,
    key: message.key === null || message.key === undefined ? null : message.key.toString(),
    value,
    headers: textHeaders(message.headers),
    commits: context.getConsumer(),
  };
}

/** Kafka headers as text (kafkajs hands them over as buffers, possibly repeated). */
function textHeaders(headers: IHeaders | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const text: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) text[name] = value.toString();
  }
  return text;
}
