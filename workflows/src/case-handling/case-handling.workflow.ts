import type { ApprovalActivities } from '@oneseal/contracts';
import { TASK_QUEUES } from '@oneseal/contracts';
import { ApplicationFailure, condition, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import {
  caseStatusQuery,
  decideStepUpdate,
  type CaseHandlingInput,
  type CaseStatus,
  type StepDecision,
} from './case-handling.messages';

const approval = proxyActivities<ApprovalActivities>({
  taskQueue: TASK_QUEUES.approvalActivities,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One case, following its route step by step: each step is a task in a unit's inbox, decided by a person.
 * Approve moves to the next step, return goes back to the previous one, reject ends the case.
 */
export async function caseHandlingWorkflow(input: CaseHandlingInput): Promise<CaseStatus> {
  const { steps } = input.route;
  const status: CaseStatus = { caseId: input.caseId, stage: 'in-progress', history: [] };
  const visits = steps.map(() => 0);
  let decision: StepDecision | undefined;

  setHandler(caseStatusQuery, () => status);
  setHandler(
    decideStepUpdate,
    (received) => {
      decision = received;
      // The task is decided: it is no longer open to a second decision, from anyone.
      if (status.currentStep) status.currentStep.taskId = undefined;
      return { accepted: true as const };
    },
    {
      validator: (received) => {
        const open = status.currentStep?.taskId;
        if (!open || received.taskId !== open) {
          throw ApplicationFailure.nonRetryable('该待办不是本办件当前环节的待办，或已办理', 'TaskNotCurrent');
        }
      },
    },
  );

  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    visits[index] += 1;
    // The workflow names the task before the approval service creates it, so a decision that arrives the moment
    // the task shows up in an inbox is already recognised (uuid4 is deterministic under replay).
    const taskId = uuid4();
    status.currentStep = {
      index,
      visit: visits[index],
      kind: step.kind,
      level: step.level,
      unitCode: step.unitCode,
      taskId,
    };
    await approval.openReviewTask({
      taskId,
      caseId: input.caseId,
      county: input.county,
      town: input.town,
      correlationId: input.correlationId,
      stepIndex: index,
      visit: visits[index],
      stepName: step.kind,
      level: step.level,
      unitCode: step.unitCode,
    });

    await condition(() => decision !== undefined);
    const decided = decision as StepDecision;
    decision = undefined;
    await approval.closeReviewTask({
      caseId: input.caseId,
      county: input.county,
      town: input.town,
      correlationId: input.correlationId,
      ...decided,
    });
    status.history.push({ ...decided, index, kind: step.kind, decidedAt: new Date().toISOString() });

    if (decided.outcome === 'reject') {
      status.result = 'rejected';
      break;
    }
    index = decided.outcome === 'approve' ? index + 1 : Math.max(0, index - 1);
  }
  status.result ??= 'approved';
  status.stage = 'concluded';
  status.currentStep = undefined;
  return status;
}
