import type { AdministrativeLevel } from '../events/shared-fields';

interface CaseRef {
  caseId: string;
  county: string;
  town: string;
  correlationId: string;
}

export interface OpenReviewTaskInput extends CaseRef {
  /** Chosen by the workflow, so the task is known to it before it appears in any inbox. */
  taskId: string;
  /** Position of the step in the case's route, and how many times the case has reached it (a return re-opens it). */
  stepIndex: number;
  visit: number;
  stepName: string;
  level: AdministrativeLevel;
  unitCode: string;
  /** The step's own deadline (YYYY-MM-DD) on the working-day calendar; absent while the clock is stopped. */
  dueDate?: string;
  /** What an inbox shows of the case and finds it by (absent from workflows started before they were sent). */
  receiptNumber?: string;
  matterName?: string;
  applicantName?: string;
}

export interface OpenedReviewTask {
  /** False when the task already existed: activities are retried, and a retry must not open a second task. */
  created: boolean;
}

export interface CloseReviewTaskInput extends CaseRef {
  taskId: string;
  outcome: 'approve' | 'return' | 'reject' | 'request-correction';
  handlerId: string;
  /** The handler's display name from their token. */
  handlerName?: string;
  opinion: string;
  /** When the decision was taken, if the task is closed later than that (handed over); otherwise the close's time. */
  decidedAt?: string;
}

/** A decided task and the task that comes straight after it (see ApprovalActivities.handOverReviewTask). */
export interface HandOverReviewTaskInput {
  close: CloseReviewTaskInput;
  open: OpenReviewTaskInput;
}

export interface CancelReviewTaskInput extends CaseRef {
  taskId: string;
  /** Why the open task went away without a decision (撤件, 补正不来). */
  reason: string;
}

export interface RescheduleReviewTaskInput extends CaseRef {
  taskId: string;
  /** The step's redone deadline (YYYY-MM-DD) after the working-day calendar changed. */
  dueDate: string;
}

/** Activities the approval service runs on TASK_QUEUES.approvalActivities. Workflows import this type only. */
export interface ApprovalActivities {
  openReviewTask(input: OpenReviewTaskInput): Promise<OpenedReviewTask>;
  /** Records a decided task (action, handler, opinion, start and end) and announces it; idempotent. */
  closeReviewTask(input: CloseReviewTaskInput): Promise<void>;
  /**
   * Closes a decided task and opens the next one, in that order, when nothing but the next step's deadline comes
   * between them: one activity where the two would take two, each with a workflow task for its result. Idempotent
   * as the two are.
   */
  handOverReviewTask(input: HandOverReviewTaskInput): Promise<OpenedReviewTask>;
  /** Takes an open task out of every inbox when the case ends without its decision; idempotent. */
  cancelReviewTask(input: CancelReviewTaskInput): Promise<void>;
  /** Moves an open task's deadline in every inbox when the calendar changed under it; idempotent. */
  rescheduleReviewTask(input: RescheduleReviewTaskInput): Promise<void>;
}
