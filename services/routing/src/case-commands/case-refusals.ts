import {
  caseStatusQuery,
  isCaseCommandRefusal,
  type CaseCommandRefusal,
  type CaseStatus,
} from '@oneseal/contracts';
import { workflowRefusalOf } from '@oneseal/temporal';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { CaseError, CaseErrorCode } from './case.errors';

/** Every refusal a case command can meet in the case workflow, as the error a clerk reads. */
const CODE_OF: Record<CaseCommandRefusal, CaseErrorCode> = {
  NoCorrectionPending: CaseErrorCode.NO_CORRECTION_PENDING,
  CaseAlreadyDecided: CaseErrorCode.ALREADY_DECIDED,
  CaseNotSuspendable: CaseErrorCode.NOT_SUSPENDABLE,
  CaseNotSuspended: CaseErrorCode.NOT_SUSPENDED,
  CaseNotExtendable: CaseErrorCode.NOT_EXTENDABLE,
  ExtensionInvalid: CaseErrorCode.EXTENSION_INVALID,
  NothingToRetry: CaseErrorCode.NOTHING_TO_RETRY,
};

/**
 * What workflows started before the case's refusals were split answer with. Kept until no such case runs any more
 * (they end within their statutory limits): remove with the next workflow change.
 */
const FORMER_CODE_OF: Record<string, CaseErrorCode> = {
  InvalidCaseRequest: CaseErrorCode.EXTENSION_INVALID,
};

/**
 * Runs an update on a case workflow and turns the workflow's refusal (its validator's ApplicationFailure) into the
 * case error of the same meaning, with the workflow's precise Chinese explanation.
 */
export async function withCaseRefusals<T>(
  handle: WorkflowHandle,
  update: (handle: WorkflowHandle) => Promise<T>,
): Promise<T> {
  try {
    return await update(handle);
  } catch (error) {
    const refusal = workflowRefusalOf(error);
    if (!refusal) throw error;
    if (refusal.kind === 'refused') {
      const code = isCaseCommandRefusal(refusal.type) ? CODE_OF[refusal.type] : FORMER_CODE_OF[refusal.type];
      throw new CaseError(code ?? CaseErrorCode.ALREADY_DECIDED, refusal.message);
    }
    // A finished workflow refuses every update, or answers it as not found: the case is over.
    throw new CaseError(CaseErrorCode.ALREADY_DECIDED);
  }
}

/**
 * Where a routed case stands, from its workflow. A case routed here whose workflow Temporal no longer has ended
 * long ago (its history outlived the namespace's retention): its record is the audit log's. A workflow that cannot
 * answer now (its worker restarting) is a temporary failure, said as such.
 */
export async function queryCaseStatus(handle: WorkflowHandle): Promise<CaseStatus> {
  try {
    return await handle.query(caseStatusQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new CaseError(CaseErrorCode.HISTORY_EXPIRED);
    throw new CaseError(CaseErrorCode.UNAVAILABLE);
  }
}
