import { Module, type DynamicModule } from '@nestjs/common';
import { AllEventsConsumer } from './all-events.consumer';
import { EventLogController } from './event-log.controller';
import { AUDIT_CHAIN_KEY, EventLogService } from './event-log.service';
import { PlaceAuditController } from './place-audit.controller';

@Module({})
export class EventLogModule {
  static forChainKey(chainKey: Buffer): DynamicModule {
    return {
      module: EventLogModule,
      controllers: [EventLogController, PlaceAuditController, AllEventsConsumer],
      providers: [EventLogService, { provide: AUDIT_CHAIN_KEY, useValue: chainKey }],
      exports: [EventLogService],
    };
  }
}
