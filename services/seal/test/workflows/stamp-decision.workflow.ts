import type { SealActivities, StampDecisionInput, StampedDocument } from '@oneseal/contracts';
import { proxyActivities } from '@temporalio/workflow';

// Retries quickly: the test makes the first attempt fail after it has stamped, as a worker dying would.
const seal = proxyActivities<SealActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '100 milliseconds', maximumInterval: '1 second', maximumAttempts: 5 },
});

/** Asks for a stamp the way the case workflow does, on the worker's own task queue. */
export async function stampDecisionWorkflow(input: StampDecisionInput): Promise<StampedDocument> {
  return seal.stampDecision(input);
}
