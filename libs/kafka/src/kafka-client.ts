import './kafkajs-idle-loop';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';

export interface KafkaLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface KafkaClientConfig {
  clientId: string;
  brokers: readonly string[];
  logger: KafkaLogger;
}

function toLogger(logger: KafkaLogger) {
  return () =>
    ({ level, namespace, log }: LogEntry) => {
      const { message, ...extra } = log;
      const line = `[kafkajs ${namespace}] ${message} ${JSON.stringify(extra)}`;
      if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else logger.info(line);
    };
}

/**
 * How the producers and admin clients retry a request a broker did not answer. kafkajs doubles the wait after each
 * failure up to 30 s by default: while a killed broker was down and its partitions' leadership moved, an outbox relay's
 * send had backed off to waits of 13 and 26 s and published nothing for 38 s, then fell behind for minutes. Capped at a
 * second, a send fails after about 6 s instead of 51 and the relay tries again at once. (Consumers keep kafkajs's
 * waits: their retries count towards parking an event.)
 */
export const KAFKA_RETRY = { initialRetryTime: 200, maxRetryTime: 1_000, retries: 8 } as const;

/**
 * How every service's producer sends: idempotent, so a send retried after a lost acknowledgement is not written twice
 * (kafkajs then requires one request in flight per broker, acks=all throughout), and never creating a topic.
 */
export const EVENT_PRODUCER_CONFIG = {
  allowAutoTopicCreation: false,
  idempotent: true,
  maxInFlightRequests: 1,
} as const;

export function createKafkaClient(config: KafkaClientConfig): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    logLevel: logLevel.WARN,
    logCreator: toLogger(config.logger),
    retry: { ...KAFKA_RETRY },
  });
}

/** "host:port,host:port" → ["host:port", "host:port"] */
export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
