import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceEnv } from '../env/service-env';
import { MessagingHousekeepingModule, messagingKept } from './messaging-housekeeping.module';
import { OutboxRelayModule } from './outbox-relay.module';

/**
 * A producing service's messaging tables, one import: its outbox published to Kafka while the service runs, and its
 * published outbox rows and processed-event records pruned once older than what is kept.
 */
@Module({})
export class MessagingModule {
  static forRoot(
    schema: string,
    env: Pick<ServiceEnv, 'DATABASE_URL' | 'PUBLISHED_EVENTS_KEEP_DAYS' | 'CONSUMED_EVENTS_KEEP_DAYS'>,
  ): DynamicModule {
    return {
      module: MessagingModule,
      imports: [
        OutboxRelayModule.forRoot({ schema, databaseUrl: env.DATABASE_URL }),
        MessagingHousekeepingModule.forRoot({ schema, kept: messagingKept(env) }),
      ],
    };
  }
}
