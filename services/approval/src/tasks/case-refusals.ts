import { CASE_REFUSALS } from '@oneseal/workflows';
import { ApplicationFailure, WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TaskError, TaskErrorCode } from './tasks.errors';

type RefusalType = (typeof CASE_REFUSALS)[keyof typeof CASE_REFUSALS];

const CODE_OF: Record<RefusalType, TaskErrorCode> = {
  [CASE_REFUSALS.taskNotCurrent]: TaskErrorCode.TASK_NOT_CURRENT,
  [CASE_REFUSALS.noCorrectionPending]: TaskErrorCode.NO_CORRECTION_PENDING,
  [CASE_REFUSALS.alreadyDecided]: TaskErrorCode.CASE_ALREADY_DECIDED,
  [CASE_REFUSALS.notSuspendable]: TaskErrorCode.CASE_NOT_SUSPENDABLE,
  [CASE_REFUSALS.notSuspended]: TaskErrorCode.CASE_NOT_SUSPENDED,
  [CASE_REFUSALS.notExtendable]: TaskErrorCode.CASE_NOT_EXTENDABLE,
  [CASE_REFUSALS.invalidRequest]: TaskErrorCode.REQUEST_INVALID,
};

const isRefusalType = (type: string | undefined | null): type is RefusalType =>
  !!type && Object.values(CASE_REFUSALS).includes(type as RefusalType);

/**
 * Runs an update on a case workflow and turns the workflow's refusal (its validator's ApplicationFailure) into
 * the clerk-readable error of the same meaning, with the workflow's precise Chinese explanation.
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
      throw new TaskError(exists ? TaskErrorCode.CASE_ALREADY_DECIDED : TaskErrorCode.CASE_NOT_FOUND);
    }
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      if (cause instanceof ApplicationFailure && isRefusalType(cause.type)) {
        throw new TaskError(CODE_OF[cause.type], cause.message);
      }
      // A finished workflow refuses every update: the case is over.
      throw new TaskError(TaskErrorCode.CASE_ALREADY_DECIDED);
    }
    throw error;
  }
}
