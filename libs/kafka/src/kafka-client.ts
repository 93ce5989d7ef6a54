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

export function createKafkaClient(config: KafkaClientConfig): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    logLevel: logLevel.WARN,
    logCreator: toLogger(config.logger),
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/** "host:port,host:port" → ["host:port", "host:port"] */
export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
