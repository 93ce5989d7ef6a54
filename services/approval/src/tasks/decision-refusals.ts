import { isDecisionRefusal, type DecisionRefusal } from '@oneseal/contracts';
import { workflowRefusalOf } from '@oneseal/temporal';
import { TaskError, TaskErrorCode } from './tasks.errors';

/** Every refusal a decision can meet in the case workflow, as the error a clerk reads. */
const CODE_OF: Record<DecisionRefusal, TaskErrorCode> = {
  TaskNotCurrent: TaskErrorCode.TASK_NOT_CURRENT,
  CaseSuspended: TaskErrorCode.CASE_SUSPENDED,
  CaseWithdrawn: TaskErrorCode.CASE_WITHDRAWN,
  DecisionIncomplete: TaskErrorCode.DECISION_INCOMPLETE,
  OutcomeNotForStep: TaskErrorCode.OUTCOME_NOT_FOR_STEP,
  DutiesNotSeparated: TaskErrorCode.DUTIES_NOT_SEPARATED,
};

/**
 * What workflows started before the case's refusals were split answer a decision with. Kept until no such case runs
 * any more (they end within their statutory limits): remove with the next workflow change.
 */
const FORMER_CODE_OF: Record<string, TaskErrorCode> = {
  CaseNotSuspendable: TaskErrorCode.CASE_SUSPENDED,
  CaseAlreadyDecided: TaskErrorCode.CASE_WITHDRAWN,
  InvalidCaseRequest: TaskErrorCode.DECISION_INCOMPLETE,
};

/**
 * Sends a decision to the case workflow and turns its refusal (the update validator's ApplicationFailure) into the
 * task error of the same meaning, with the workflow's precise Chinese explanation.
 */
export async function withDecisionRefusals<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const refusal = workflowRefusalOf(error);
    if (!refusal) throw error;
    if (refusal.kind === 'refused') {
      const code = isDecisionRefusal(refusal.type) ? CODE_OF[refusal.type] : FORMER_CODE_OF[refusal.type];
      throw new TaskError(code ?? TaskErrorCode.TASK_NOT_CURRENT, refusal.message);
    }
    // The case has ended since the task was read: its open task is not the one the case waits for any more.
    throw new TaskError(TaskErrorCode.TASK_NOT_CURRENT);
  }
}
