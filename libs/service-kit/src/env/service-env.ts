import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** What every OneSeal process that answers HTTP needs. Defaults suit the local system started by `npm start`. */
export class HttpServiceEnv {
  @IsString()
  @IsNotEmpty()
  HTTP_HOST = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT!: number;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * Further proxies believed in X-Forwarded-For, beyond the role's own (comma-separated addresses, subnets or
   * loopback/linklocal/uniquelocal): the TLS proxy in front of the console in docker-compose.yml.
   */
  @IsOptional()
  @Matches(
    /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(,(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*$/,
    {
      message:
        'TRUSTED_PROXIES must list addresses or subnets (or loopback, linklocal, uniquelocal), comma-separated',
    },
  )
  TRUSTED_PROXIES?: string;
}

/** Variables every OneSeal service with its own data needs: its database and the event bus. */
export class ServiceEnv extends HttpServiceEnv {
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL!: string;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must be a comma-separated list of host:port',
  })
  KAFKA_BROKERS!: string;

  /** Lets a test run use its own consumer groups; production leaves the default. */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, {
    message: 'KAFKA_GROUP_PREFIX may contain only a-z, 0-9, ".", "_" and "-"',
  })
  KAFKA_GROUP_PREFIX = 'oneseal';

  /**
   * Days the outbox keeps an event once it is published to Kafka. Nothing needs it then (the topics hold the event
   * 7 days, the audit log for good); a day of what the service sent stays at hand for whoever looks into a problem.
   */
  @Transform(({ value }) => (value === undefined ? 1 : Number(value)))
  @IsInt({ message: 'PUBLISHED_EVENTS_KEEP_DAYS must be a whole number of days' })
  @Min(1)
  @Max(3650)
  PUBLISHED_EVENTS_KEEP_DAYS = 1;

  /**
   * Days the record of a consumed event is kept, by which a consumer recognises the event delivered again. Kafka may
   * deliver it again for up to 14 days: topics keep their events 7 days, and as Kafka deletes whole log segments,
   * rolled after up to 7 days, an event may still be read 14 days after it was written.
   */
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  @IsInt({ message: 'CONSUMED_EVENTS_KEEP_DAYS must be a whole number of days' })
  @Min(15, {
    message:
      'CONSUMED_EVENTS_KEEP_DAYS must be at least 15: Kafka may deliver an event again up to 14 days after it was written (7 days retention, segments rolled after up to 7 days)',
  })
  @Max(3650)
  CONSUMED_EVENTS_KEEP_DAYS = 30;

  /** The Ed25519 key (PEM) this service signs the events it publishes with; a service that publishes needs it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  EVENT_SIGNING_KEY_FILE?: string;

  /** The folder of every producer's public key (`<service>.pub`); a service that consumes events needs it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  EVENT_PRODUCER_KEYS_DIR?: string;
}

/** Services that talk to Temporal (start workflows or run a worker). */
export class TemporalServiceEnv extends ServiceEnv {
  @Matches(/^[^:\s]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS!: string;

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE = 'default';

  /** 0 turns off this service's worker, for scaling HTTP and workers apart. */
  @Transform(({ value }) => (value === undefined ? 1 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(1)
  TEMPORAL_WORKER_ENABLED = 1;
}
