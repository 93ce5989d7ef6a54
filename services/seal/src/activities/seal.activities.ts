import type { SealActivities, StampDecisionInput, StampedDocument } from '@oneseal/contracts';
import { ApplicationFailure } from '@temporalio/common';
import { SealError } from '../seals/seals.errors';
import { SEAL_NOT_ACTIVE_REFUSALS, type StampingService } from '../stamps/stamping.service';

/**
 * The seal service's activities (TASK_QUEUES.sealActivities). A town without an active approval seal fails with
 * the retryable type 'SealNotActive' — the refusal is in the ledger, and the case waits, with the workflow's
 * backoff, until the town's seal is activated. Temporal may run an attempt twice: stamping is idempotent per
 * decision.
 */
export function createSealActivities(stamping: StampingService): SealActivities {
  return {
    async stampDecision(input: StampDecisionInput): Promise<StampedDocument> {
      try {
        return await stamping.stamp(input);
      } catch (error) {
        if (error instanceof SealError && SEAL_NOT_ACTIVE_REFUSALS.includes(error.code)) {
          throw ApplicationFailure.retryable(`${error.code}: ${error.message}`, 'SealNotActive');
        }
        throw error;
      }
    },
  };
}
