import { TerminusModule } from '@nestjs/terminus';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { ConsumerEdge } from '../consumer-edge';
import { EventProducer } from '../event-producer';
import { createKafkaClient } from '../kafka-client';
import { ensureTopics } from '../topics-admin';
import { KafkaHealthIndicator } from './kafka.health';
import { KAFKA_CLIENT, KAFKA_PRODUCER } from './kafka.tokens';

export interface KafkaModuleOptions {
  clientId: string;
  brokers: readonly string[];
  /** Topics this service produces to or consumes from; created at boot when missing. */
  topics: readonly string[];
}

@Injectable()
class KafkaProducerShutdown implements OnApplicationShutdown {
  constructor(@Inject(KAFKA_PRODUCER) private readonly producer: Producer) {}

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** A thin Nest wrapper: the framework-free pieces of this library, built once per service from its env. */
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    const logger = new Logger('Kafka');
    const kafkaLogger = {
      info: (message: string) => logger.log(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    };
    return {
      module: KafkaModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        {
          provide: KAFKA_CLIENT,
          useFactory: async () => {
            const kafka = createKafkaClient({
              clientId: options.clientId,
              brokers: options.brokers,
              logger: kafkaLogger,
            });
            await ensureTopics(kafka, options.topics);
            return kafka;
          },
        },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA_CLIENT],
          useFactory: async (kafka: Kafka) => {
            const producer = kafka.producer({ allowAutoTopicCreation: false });
            await producer.connect();
            return producer;
          },
        },
        {
          provide: EventProducer,
          inject: [KAFKA_PRODUCER],
          useFactory: (producer: Producer) => new EventProducer(producer),
        },
        {
          provide: ConsumerEdge,
          inject: [KAFKA_PRODUCER],
          useFactory: (producer: Producer) => new ConsumerEdge(options.clientId, producer, logger),
        },
        KafkaHealthIndicator,
        KafkaProducerShutdown,
      ],
      exports: [KAFKA_CLIENT, KAFKA_PRODUCER, EventProducer, ConsumerEdge, KafkaHealthIndicator],
    };
  }
}
