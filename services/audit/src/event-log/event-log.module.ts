import { Module, type DynamicModule } from '@nestjs/common';
import { AllEventsConsumer } from './all-events.consumer';
import { EventLogController } from './event-log.controller';
import { AUDIT_CHAIN_KEY, EventLogService } from './event-log.service';
import { PlaceAuditController } from './place-audit.controller';
import { PlaceVerificationService, VERIFY_THREADS } from './place-verification.service';
import { VerificationRunsController } from './verification-runs.controller';
import { VerificationRuns } from './verification-runs.service';

@Module({})
export class EventLogModule {
  static forChainKey(chainKey: Buffer, options: { verifyThreads: number }): DynamicModule {
    return {
      module: EventLogModule,
      controllers: [EventLogController, PlaceAuditController, VerificationRunsController, AllEventsConsumer],
      providers: [
        EventLogService,
        PlaceVerificationService,
        VerificationRuns,
        { provide: AUDIT_CHAIN_KEY, useValue: chainKey },
        { provide: VERIFY_THREADS, useValue: options.verifyThreads },
      ],
      exports: [EventLogService],
    };
  }
}
