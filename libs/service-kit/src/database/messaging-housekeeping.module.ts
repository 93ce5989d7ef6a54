import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { pruneMessaging, type MessagingKept, type MessagingPruned } from '@oneseal/database';
import { Counter, register } from 'prom-client';
import { DataSource } from 'typeorm';
import type { ServiceEnv } from '../env/service-env';

const MESSAGING_HOUSEKEEPING_CONFIG = Symbol('MESSAGING_HOUSEKEEPING_CONFIG');

interface MessagingHousekeepingConfig {
  schema: string;
  /** PUBLISHED_EVENTS_KEEP_DAYS and CONSUMED_EVENTS_KEEP_DAYS. */
  kept: MessagingKept;
}

/** What is kept of each kind of record, as the service's environment says. */
export function messagingKept(
  env: Pick<ServiceEnv, 'PUBLISHED_EVENTS_KEEP_DAYS' | 'CONSUMED_EVENTS_KEEP_DAYS'>,
): MessagingKept {
  return { publishedDays: env.PUBLISHED_EVENTS_KEEP_DAYS, consumedDays: env.CONSUMED_EVENTS_KEEP_DAYS };
}

/** Not at boot, when a restarted service has its backlog to catch up on; then once an hour. */
const FIRST_PRUNE_AFTER_MS = 5 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

function prunedCounter(): Counter<'schema' | 'table'> {
  const name = 'oneseal_messaging_pruned_total';
  return (
    (register.getSingleMetric(name) as Counter<'schema' | 'table'> | undefined) ??
    new Counter({
      name,
      help: 'Published outbox rows and processed-event records deleted once older than what is kept of them',
      labelNames: ['schema', 'table'],
    })
  );
}

/** Keeps the service's outbox and processed-event records from growing with every event it ever handled. */
@Injectable()
export class MessagingHousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessagingHousekeeping');
  private readonly pruned = prunedCounter();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_HOUSEKEEPING_CONFIG) private readonly config: MessagingHousekeepingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setTimeout(() => {
      void this.pruneInBackground();
      this.timer = setInterval(() => void this.pruneInBackground(), PRUNE_EVERY_MS).unref();
    }, FIRST_PRUNE_AFTER_MS).unref();
  }

  private async pruneOnce(): Promise<MessagingPruned> {
    const { schema, kept } = this.config;
    const pruned = await pruneMessaging(this.dataSource, schema, kept, () => !this.stopping);
    this.pruned.inc({ schema, table: 'outbox' }, pruned.outbox);
    this.pruned.inc({ schema, table: 'processed_events' }, pruned.processedEvents);
    if (pruned.outbox + pruned.processedEvents > 0)
      this.logger.log(
        `pruned ${pruned.outbox} outbox rows published over ${kept.publishedDays} days ago and ${pruned.processedEvents} processed-event records over ${kept.consumedDays} days old`,
      );
    return pruned;
  }

  private async pruneInBackground(): Promise<void> {
    if (this.running) return;
    this.running = this.pruneOnce()
      .catch((error: unknown) =>
        this.logger.warn(
          `pruning failed, tried again in an hour: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => (this.running = undefined));
    await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    // Either kind of timer: clearInterval clears a timeout as well.
    clearInterval(this.timer);
    // Ends after the statement under way: the first prune of a large deployment may have many still to go.
    await this.running;
  }
}

/** Prunes this service's published outbox rows and processed-event records once they are older than what is kept. */
@Module({})
export class MessagingHousekeepingModule {
  static forRoot(config: MessagingHousekeepingConfig): DynamicModule {
    return {
      module: MessagingHousekeepingModule,
      providers: [{ provide: MESSAGING_HOUSEKEEPING_CONFIG, useValue: config }, MessagingHousekeepingService],
      exports: [MessagingHousekeepingService],
    };
  }
}
