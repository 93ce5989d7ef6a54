import { isDecisionRefusal, type DecisionRefusal } from '@oneseal/contracts';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { TaskError, TaskErrorCode } from './tasks.errors';

/** Every refusal a decision can meet in the case workflow, as the error a clerk reads. */
const CODE_OF: Record<DecisionRefusal, TaskErrorCode> = {
  TaskNotCurrent: TaskErrorCode.TASK_NOT_CURRENT,
  CaseSuspended: TaskErrorCode.CASE_SUSPENDED,
  CaseWithdrawn: TaskErrorCode.CASE_WITHDRAWN,
  DecisionIncomplete: TaskErrorCode.DECISION_INCOMPLETE,
};

/**
 * Sends a decision to the case workflow and turns its refusal (the update validator's ApplicationFailure) into the
 * task error of the same meaning, with the workflow's precise Chinese explanation.
 */
export async function withDecisionRefusals<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    // The case has ended since the task was read (Temporal answers an update to a finished workflow as not found).
    if (error instanceof WorkflowNotFoundError) throw new TaskError(TaskErrorCode.TASK_NOT_CURRENT);
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      if (cause instanceof ApplicationFailure && isDecisionRefusal(cause.type)) {
        throw new TaskError(CODE_OF[cause.type], cause.message);
      }
      throw new TaskError(TaskErrorCode.TASK_NOT_CURRENT);
    }
    throw error;
  }
}
