import type { SealActivities } from '@oneseal/contracts';
import { chinaDate } from '@oneseal/domain';
import { ApplicationFailure } from '@temporalio/common';
import { SEAL_NOT_ACTIVE_REFUSALS, type DocumentIssuingService } from '../documents/document-issuing.service';
import { SealError } from '../seals/seals.errors';

/** A refusal the seal registry can lift (a seal activated) is retryable: the case waits, with backoff, for it. */
async function waitingForSeal<T>(issue: () => Promise<T>): Promise<T> {
  try {
    return await issue();
  } catch (error) {
    if (error instanceof SealError && SEAL_NOT_ACTIVE_REFUSALS.includes(error.code)) {
      throw ApplicationFailure.retryable(`${error.code}: ${error.message}`, 'SealNotActive');
    }
    throw error;
  }
}

/**
 * The seal service's activities (TASK_QUEUES.sealActivities). An organ without an active seal fails with the
 * retryable type 'SealNotActive' — the refusal is in the ledger. Temporal may run an attempt twice: issuing is
 * idempotent per document. Their worker has them tell the server they are at work (SEAL_ACTIVITY_HEARTBEAT).
 */
export function createSealActivities(issuing: DocumentIssuingService): SealActivities {
  return {
    stampDecision: (input) => waitingForSeal(() => issuing.stampDecision(input)),
    issueDocument: (input) => waitingForSeal(() => issuing.issue(input)),
    issueDecisionWithReceipt: ({ decision, receipt }) =>
      waitingForSeal(async () => {
        // A retried attempt gets the decision issued before back (its key), and the receipt names the same one.
        const issued = await issuing.issue(decision);
        // Delivered the day it is issued: the receipt's date is the decision's, however long the seal kept it waiting.
        const content = {
          ...receipt.content,
          deliveredDocumentId: issued.documentId,
          deliveredOn: chinaDate(new Date(issued.stampedAt)),
        };
        return { decision: issued, receipt: await issuing.issue({ ...receipt, content }) };
      }),
  };
}
