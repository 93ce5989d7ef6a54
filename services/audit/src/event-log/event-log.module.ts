import { Module } from '@nestjs/common';
import { AllEventsConsumer } from './all-events.consumer';
import { EventLogController } from './event-log.controller';
import { EventLogService } from './event-log.service';

@Module({
  controllers: [EventLogController, AllEventsConsumer],
  providers: [EventLogService],
})
export class EventLogModule {}
