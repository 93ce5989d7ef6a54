import type { CaseKind, DeliveryMethod, SpecialProcedure } from '../../events/shared-fields';
import type { RoutePlan } from '../../routes/route-plan';
import type { SeparatedSteps } from './step-outcomes';

/** What routing starts a case's workflow with; the workflow id is the case id. */
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
  /**
   * Steps the county keeps apart beyond review and decision (always apart): nobody takes both of a pair in one case.
   * Absent for cases started before the county could set them.
   */
  separatedSteps?: SeparatedSteps[];
}

/** What a person may decide on the open task of a case. */
export type StepOutcome = 'approve' | 'return' | 'reject' | 'request-correction';

/** A decision on the open task (approval sends it for the person who holds the task). */
export interface StepDecision {
  taskId: string;
  outcome: StepOutcome;
  /** The person deciding, from their verified token (approval sets these, never the request body). */
  handlerId: string;
  handlerName?: string;
  opinion: string;
  /** With request-correction: everything the applicant still has to supply, all at once. */
  missingMaterials?: string[];
  /** At 送达: how the result was handed over, to whom, on which day (China Standard Time). */
  delivery?: DeliveryRecord;
}

/** 送达: what the 送达回证 records. */
export interface DeliveryRecord {
  method: DeliveryMethod;
  /** Who received it: the applicant, or the person they sent (by name). */
  recipient: string;
  /** YYYY-MM-DD. */
  deliveredOn: string;
}

/** The applicant brought what a 补正 asked for (recorded by the window or the village agent). */
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
  /** How many working days the procedure is expected to take (art. 45: the applicant is told); absent before. */
  expectedWorkingDays?: number;
}

export interface ResumptionRequest {
  handlerId: string;
}

export interface ExtensionRequest {
  extraWorkingDays: number;
  reason: string;
  approvedBy: string;
}
