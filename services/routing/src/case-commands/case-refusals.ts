import { isCaseCommandRefusal, type CaseCommandRefusal } from '@oneseal/contracts';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { CaseError, CaseErrorCode } from './case.errors';

/** Every refusal a case command can meet in the case workflow, as the error a clerk reads. */
const CODE_OF: Record<CaseCommandRefusal, CaseErrorCode> = {
  NoCorrectionPending: CaseErrorCode.NO_CORRECTION_PENDING,
  CaseAlreadyDecided: CaseErrorCode.ALREADY_DECIDED,
  CaseNotSuspendable: CaseErrorCode.NOT_SUSPENDABLE,
  CaseNotSuspended: CaseErrorCode.NOT_SUSPENDED,
  CaseNotExtendable: CaseErrorCode.NOT_EXTENDABLE,
  ExtensionInvalid: CaseErrorCode.EXTENSION_INVALID,
};

/**
 * Runs a query or update on a case workflow and turns the workflow's refusal (its validator's ApplicationFailure)
 * into the case error of the same meaning, with the workflow's precise Chinese explanation.
 */
export async function withCaseRefusals<T>(
  handle: WorkflowHandle,
  work: (handle: WorkflowHandle) => Promise<T>,
): Promise<T> {
  try {
    return await work(handle);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      // Temporal answers an update to a finished workflow as "not found": tell a finished case from no case.
      const exists = await handle.describe().then(
        () => true,
        () => false,
      );
      throw new CaseError(exists ? CaseErrorCode.ALREADY_DECIDED : CaseErrorCode.NOT_FOUND);
    }
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      if (cause instanceof ApplicationFailure && isCaseCommandRefusal(cause.type)) {
        throw new CaseError(CODE_OF[cause.type], cause.message);
      }
      // A finished workflow refuses every update: the case is over.
      throw new CaseError(CaseErrorCode.ALREADY_DECIDED);
    }
    throw error;
  }
}
