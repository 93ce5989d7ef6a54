import { TerminusModule } from '@nestjs/terminus';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  TOPICS,
  contractsProducedBy,
  topicsOf,
  type EventContract,
  type ProducingService,
} from '@oneseal/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { ConsumerEdge } from '../consumer-edge';
import { EventProducer } from '../event-producer';
import { RenewedProducers } from '../producer-renewal';
import {
  EventSigner,
  ProducerVerifier,
  readEventSigningKey,
  readProducerPublicKeys,
} from '../producer-identity';
import { createKafkaClient, EVENT_PRODUCER_CONFIG } from '../kafka-client';
import { watchConsumerLag } from '../consumer-lag';
import { TopicPartitionCounts } from '../topic-partitions';
import { ensureTopics } from '../topics-admin';
import { KafkaHealthIndicator } from './kafka.health';
import { DEAD_LETTER_PRODUCERS, KAFKA_CLIENT, KAFKA_PRODUCER } from './kafka.tokens';

export interface KafkaModuleOptions {
  clientId: string;
  brokers: readonly string[];
  /** The service whose events this one publishes through its outbox (none for a service that only consumes). */
  produces?: ProducingService;
  /** The contracts its consumers read. */
  consumes?: readonly EventContract<object>[];
  /** The Ed25519 private key (PEM file) this service signs its events with; required when it produces. */
  signingKeyFile?: string;
  /** The folder of every producer's public key (`<service>.pub`); required when it consumes. */
  producerKeysDir?: string;
  /** The service's consumer group, whose lag /metrics shows (services that consume). */
  consumerGroup?: string;
}

/** A producer must sign and a consumer must check: a service set up otherwise does not start. */
function producerIdentity(options: KafkaModuleOptions): {
  signer?: EventSigner;
  verifier?: ProducerVerifier;
} {
  if (options.produces && !options.signingKeyFile)
    throw new Error(`${options.clientId} publishes events: set EVENT_SIGNING_KEY_FILE to its signing key`);
  if (options.consumes?.length && !options.producerKeysDir)
    throw new Error(
      `${options.clientId} consumes events: set EVENT_PRODUCER_KEYS_DIR to the producers' public keys`,
    );
  return {
    signer:
      options.produces && options.signingKeyFile
        ? new EventSigner(options.produces, readEventSigningKey(options.signingKeyFile))
        : undefined,
    verifier: options.producerKeysDir
      ? new ProducerVerifier(readProducerPublicKeys(options.producerKeysDir))
      : undefined,
  };
}

/**
 * The topics a service needs, derived from the contract registry rather than listed by hand: those of the events it
 * publishes, those it consumes (former names included while they may hold events), and the dead-letter topic its
 * consumer edge writes to. Created at boot when missing.
 */
export function serviceTopics(options: Pick<KafkaModuleOptions, 'produces' | 'consumes'>): string[] {
  const produced = options.produces
    ? contractsProducedBy(options.produces).map((contract) => contract.topic)
    : [];
  const consumed = (options.consumes ?? []).flatMap(topicsOf);
  return [...new Set([...produced, ...consumed, TOPICS.deadLetterV1])];
}

@Injectable()
class KafkaProducerShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(DEAD_LETTER_PRODUCERS) private readonly deadLetterProducers: RenewedProducers,
    @Optional() private readonly renewed?: RenewedProducers,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.renewed?.close();
    await this.deadLetterProducers.close();
    await this.producer.disconnect();
  }
}

/** A thin Nest wrapper: the framework-free pieces of this library, built once per service from its env. */
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    const logger = new Logger('Kafka');
    const { signer, verifier } = producerIdentity(options);
    // The topics' partition counts, as the wait for them at boot read them: the producer starts knowing them.
    let servedCounts: ReadonlyMap<string, number> = new Map();
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
            await ensureTopics(kafka, serviceTopics(options), undefined, (counts) => (servedCounts = counts));
            if (options.consumerGroup && options.consumes?.length)
              watchConsumerLag(kafka, options.consumerGroup, [
                ...new Set(options.consumes.flatMap(topicsOf)),
              ]);
            return kafka;
          },
        },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA_CLIENT],
          useFactory: async (kafka: Kafka) => {
            const producer = kafka.producer({ ...EVENT_PRODUCER_CONFIG });
            await producer.connect();
            return producer;
          },
        },
        // Only a producing service has an outbox to publish (and a key to sign with).
        ...(signer
          ? [
              {
                provide: RenewedProducers,
                inject: [KAFKA_CLIENT],
                useFactory: (kafka: Kafka) =>
                  new RenewedProducers(() => kafka.producer({ ...EVENT_PRODUCER_CONFIG })),
              },
              {
                provide: EventProducer,
                inject: [KAFKA_PRODUCER, KAFKA_CLIENT, RenewedProducers],
                useFactory: async (producer: Producer, kafka: Kafka, renewed: RenewedProducers) => {
                  const partitions = new TopicPartitionCounts(kafka);
                  // Known before the first event goes out, so no publish waits for the brokers' answer (asked only
                  // for a topic the wait at boot did not read).
                  partitions.remember(servedCounts);
                  await partitions.of(serviceTopics(options));
                  return new EventProducer(producer, signer, partitions, renewed);
                },
              },
            ]
          : []),
        {
          provide: ConsumerEdge,
          inject: [KAFKA_PRODUCER, DEAD_LETTER_PRODUCERS],
          useFactory: (producer: Producer, renewal: RenewedProducers) =>
            new ConsumerEdge(options.clientId, producer, logger, { verifier, renewal }),
        },
        // The dead letters' own: a renewal disconnects the producer the one before made, which the relay may be
        // sending with.
        {
          provide: DEAD_LETTER_PRODUCERS,
          inject: [KAFKA_CLIENT],
          useFactory: (kafka: Kafka) =>
            new RenewedProducers(() => kafka.producer({ ...EVENT_PRODUCER_CONFIG })),
        },
        KafkaHealthIndicator,
        KafkaProducerShutdown,
      ],
      exports: [
        KAFKA_CLIENT,
        KAFKA_PRODUCER,
        ...(signer ? [EventProducer] : []),
        ConsumerEdge,
        KafkaHealthIndicator,
      ],
    };
  }
}
