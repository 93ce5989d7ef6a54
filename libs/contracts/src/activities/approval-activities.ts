import type { AdministrativeLevel } from '../events/shared-fields';

export interface OpenReviewTaskInput {
  caseId: string;
  county: string;
  town: string;
  correlationId: string;
  stepName: string;
  level: AdministrativeLevel;
  unitCode: string;
}

export interface OpenedReviewTask {
  taskId: string;
  /** False when the task already existed: activities are retried, and a retry must not open a second task. */
  created: boolean;
}

/** Activities the approval service runs on TASK_QUEUES.approvalActivities. Workflows import this type only. */
export interface ApprovalActivities {
  openReviewTask(input: OpenReviewTaskInput): Promise<OpenedReviewTask>;
}
