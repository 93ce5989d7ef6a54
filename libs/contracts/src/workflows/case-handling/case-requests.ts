import type { CaseKind, DeliveryMethod, HandoverMethod, SpecialProcedure } from '../../events/shared-fields';
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
  /** GB/T 39046 type code: the words of the decision follow it. Absent for cases started before it was passed. */
  matterTypeCode?: string;
  /** 设定依据 of the guide the case is handled under, when confirmed: the documents cite it. */
  legalBasis?: string;
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
  /** At 决定 of a 行政给付, granting it: what is granted, as the decision document states it. */
  grant?: GrantRecord;
  /**
   * At 受理, refusing a matter outside the organ's competence: the organ the applicant should apply to (行政许可法
   * art. 32(1)(2)); the 不予受理决定书 tells them.
   */
  referTo?: string;
}

/** 给付: what a decision grants (amount, form, from when). */
export interface GrantRecord {
  /** 每月 600 元, 一次性 2000 元. */
  amount?: string;
  /** 现金（打卡发放）, 实物. */
  form?: string;
  /** YYYY-MM-DD. */
  from?: string;
}

/** 送达: what the 送达回证 records. */
export interface DeliveryRecord {
  method: HandoverMethod;
  /** Who received it: the applicant, or the person they sent (by name). */
  recipient: string;
  /** YYYY-MM-DD. */
  deliveredOn: string;
  /** 邮寄送达: the carrier and its tracking number (absent for other methods, and in records made before them). */
  carrier?: string;
  trackingNumber?: string;
  /** 上门送达: who carried it to the applicant (the village agent, by name), printed as the 送达人. */
  deliveredBy?: string;
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
  handlerName?: string;
}

export interface ResumptionRequest {
  handlerId: string;
}

/** Try the failed step of a stalled case again, once its data was put right (see CaseStatus.attention). */
export interface RetryStalledStepRequest {
  handlerId: string;
  handlerName?: string;
  /** What was put right. */
  note: string;
}

export interface ExtensionRequest {
  extraWorkingDays: number;
  reason: string;
  approvedBy: string;
  /** The approving leader's name, printed on the 延期告知书; absent before it was sent. */
  approvedByName?: string;
}

/** The working-day calendar changed: a national year loaded or corrected, or a county's own day set or removed. */
export interface CalendarChange {
  /** In words a clerk and the applicant read, e.g. 「2027年全国节假日安排（国办发明电〔2026〕X号）已公布」. */
  description: string;
  changedAt: string;
}
