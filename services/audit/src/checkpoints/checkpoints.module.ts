import { Module, type DynamicModule } from '@nestjs/common';
import type { Sm2KeyPair } from '@oneseal/gm-crypto';
import { CheckpointChecks } from './checkpoint-checks.service';
import { CHECKPOINT_INTERVAL_MS, CheckpointSchedule } from './checkpoint-schedule';
import { CheckpointsController } from './checkpoints.controller';
import {
  CHECKPOINT_KEY,
  CHECKPOINT_SETTLE_SECONDS,
  CheckpointsService,
  DEFAULT_SETTLE_SECONDS,
} from './checkpoints.service';

@Module({})
export class CheckpointsModule {
  static forKey(key: Sm2KeyPair, intervalMs: number): DynamicModule {
    return {
      module: CheckpointsModule,
      controllers: [CheckpointsController],
      providers: [
        CheckpointsService,
        CheckpointChecks,
        CheckpointSchedule,
        { provide: CHECKPOINT_KEY, useValue: key },
        { provide: CHECKPOINT_INTERVAL_MS, useValue: intervalMs },
        { provide: CHECKPOINT_SETTLE_SECONDS, useValue: DEFAULT_SETTLE_SECONDS },
      ],
    };
  }
}
