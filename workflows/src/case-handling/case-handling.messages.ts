import type { CaseKind, CaseResult, DeliveryMethod, SpecialProcedure } from '@oneseal/contracts';
import type { RoutePlan, StepKind } from '@oneseal/domain';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface CaseHandlingInput {
  caseId: string;
  county: string;
  town: string;
  matterCode: string;
  matterName: string;
  matterVersion: number;
  receiptNumber: string;
  applicantName: string;
  correlationId: string;
  caseKind: CaseKind;
  committedLimitWorkingDays: number;
  statutoryLimitWorkingDays?: number;
  deliveryMethod: DeliveryMethod;
  /** Working days an applicant has to supply a 补正 before the case ends as 补正不来 (a county setting). */
  correctionWaitWorkingDays: number;
  /** The route derived when the case was routed; the case follows it even if the catalogue changes later. */
  route: RoutePlan;
}

/** What a person may decide on the open task of a case. */
export type StepOutcome = 'approve' | 'return' | 'reject' | 'request-correction';

export interface StepDecision {
  taskId: string;
  outcome: StepOutcome;
  /** The person deciding, from their verified token (approval sets these, never the request body). */
  handlerId: string;
  handlerName?: string;
  opinion: string;
  /** With request-correction: everything the applicant still has to supply, all at once. */
  missingMaterials?: string[];
}

export interface CorrectionSupplied {
  handlerId: string;
  suppliedMaterials: string[];
}

export interface WithdrawalRequest {
  requestedBy: string;
  reason: string;
}

export interface SuspensionRequest {
  procedure: SpecialProcedure;
  reason: string;
  handlerId: string;
}

export interface ResumptionRequest {
  handlerId: string;
}

export interface ExtensionRequest {
  extraWorkingDays: number;
  reason: string;
  approvedBy: string;
}

/** A deadline on the working-day calendar, and the instants Temporal's timers use for it. */
export interface Deadline {
  dueDate: string;
  provisional: boolean;
}

export interface CurrentStep {
  index: number;
  visit: number;
  kind: StepKind;
  level: RoutePlan['steps'][number]['level'];
  unitCode: string;
  /** Set while the step's task waits for a decision. */
  taskId?: string;
  openedOn: string;
  deadline?: Deadline;
}

export interface StepRecord {
  index: number;
  kind: StepKind;
  taskId: string;
  outcome: StepOutcome;
  handlerId: string;
  handlerName?: string;
  opinion: string;
  decidedAt: string;
}

/** A stretch during which the clock stood still (补正 or a special procedure); `to` is absent while it lasts. */
export interface ClockStopRecord {
  reason: '补正' | SpecialProcedure;
  from: string;
  to?: string;
}

export type CaseStage =
  | 'pre-acceptance'
  | 'in-progress'
  | 'awaiting-correction'
  | 'suspended'
  | 'sealing'
  | 'delivering'
  | 'concluded';

export interface CaseStatus {
  caseId: string;
  receiptNumber: string;
  stage: CaseStage;
  currentStep?: CurrentStep;
  acceptedOn?: string;
  /** The committed completion date; moved only by recomputation from the clock stops and extensions. */
  committedDeadline?: Deadline;
  statutoryDeadline?: Deadline;
  extensionWorkingDays: number;
  clockStops: ClockStopRecord[];
  /** While awaiting a 补正: what was asked and the date after which the case ends as 补正不来. */
  correction?: { missingMaterials: string[]; supplyBy: string };
  warningsRaised: string[];
  result?: CaseResult;
  documentId?: string;
  history: StepRecord[];
}

/**
 * Updates, not signals: the caller learns at once whether the case took the request (a decision on a task that is
 * not the open one, a withdrawal after the decision, a 补正 nobody asked for… are refused by the validators).
 */
export const decideStepUpdate = defineUpdate<{ accepted: true }, [StepDecision]>('decideStep');
export const supplyCorrectionUpdate = defineUpdate<{ accepted: true }, [CorrectionSupplied]>(
  'supplyCorrection',
);
export const withdrawUpdate = defineUpdate<{ accepted: true }, [WithdrawalRequest]>('withdraw');
export const suspendUpdate = defineUpdate<{ accepted: true }, [SuspensionRequest]>('suspend');
export const resumeUpdate = defineUpdate<{ accepted: true }, [ResumptionRequest]>('resume');
export const extendUpdate = defineUpdate<{ accepted: true }, [ExtensionRequest]>('extend');

export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');

/** ApplicationFailure types the validators use; the approval service maps each to a clerk-readable error. */
export const CASE_REFUSALS = {
  taskNotCurrent: 'TaskNotCurrent',
  noCorrectionPending: 'NoCorrectionPending',
  alreadyDecided: 'CaseAlreadyDecided',
  notSuspendable: 'CaseNotSuspendable',
  notSuspended: 'CaseNotSuspended',
  notExtendable: 'CaseNotExtendable',
  invalidRequest: 'InvalidCaseRequest',
} as const;
