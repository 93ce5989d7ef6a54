import type { ApprovalActivities } from '@oneseal/contracts';
import { TASK_QUEUES } from '@oneseal/contracts';
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  acceptanceDecidedSignal,
  caseStatusQuery,
  type AcceptanceDecision,
  type CaseHandlingInput,
  type CaseStatus,
} from './case-handling.messages';

const approval = proxyActivities<ApprovalActivities>({
  taskQueue: TASK_QUEUES.approvalActivities,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One case's handling. This first version opens the town window's acceptance task and waits for the
 * window's decision; the full 村→镇→县 route with working-day deadlines builds on it.
 */
export async function caseHandlingWorkflow(input: CaseHandlingInput): Promise<CaseStatus> {
  const status: CaseStatus = { caseId: input.caseId, stage: 'opening-acceptance' };
  let decision: AcceptanceDecision | undefined;

  setHandler(caseStatusQuery, () => status);
  setHandler(acceptanceDecidedSignal, (received) => {
    // Only the open acceptance task can be decided, and only once; anything else is ignored, not fatal.
    if (!decision && received.taskId === status.acceptanceTaskId) decision = received;
  });

  const task = await approval.openReviewTask({
    caseId: input.caseId,
    county: input.county,
    town: input.town,
    correlationId: input.correlationId,
    stepName: '受理',
    level: 'town',
    unitCode: `${input.town}-window`,
  });
  status.acceptanceTaskId = task.taskId;
  status.stage = 'awaiting-acceptance';

  await condition(() => decision !== undefined);
  status.stage = decision?.outcome === 'accept' ? 'accepted' : 'not-accepted';
  return status;
}
