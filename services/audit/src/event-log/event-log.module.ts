import { Module } from '@nestjs/common';
import { AllEventsConsumer } from './all-events.consumer';
import { EventLogController } from './event-log.controller';
import { EventLogService } from './event-log.service';
import { PlaceAuditController } from './place-audit.controller';

@Module({
  controllers: [EventLogController, PlaceAuditController, AllEventsConsumer],
  providers: [EventLogService],
})
export class EventLogModule {}
