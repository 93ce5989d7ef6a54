import type { CaseDocumentKind } from '../../activities/seal-activities';
import type { CaseResult, SpecialProcedure } from '../../events/shared-fields';
import type { RoutePlan, StepKind } from '../../routes/route-plan';
import type { StepOutcome } from './case-requests';

/** A deadline on the working-day calendar. */
export interface Deadline {
  dueDate: string;
  /** True when the count ran through a year whose official holidays are not loaded yet. */
  provisional: boolean;
}

export interface CurrentStep {
  /** Position of the step in the case's route. */
  index: number;
  /** How many times the case has reached this step (a return or a 补正 opens it again). */
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
  /** A special procedure's expected length in working days, as the applicant is told it (行政许可法 art. 45). */
  expectedWorkingDays?: number;
}

export type CaseStage =
  | 'pre-acceptance'
  | 'in-progress'
  | 'awaiting-correction'
  | 'suspended'
  | 'sealing'
  | 'delivering'
  | 'concluded';

/** Where a case stands, as its workflow answers the caseStatus query. */
export interface CaseStatus {
  caseId: string;
  receiptNumber: string;
  stage: CaseStage;
  currentStep?: CurrentStep;
  /** The step whose task was open when the case ended without its decision (撤件, 补正不来). */
  endedDuring?: CurrentStep;
  acceptedOn?: string;
  /** The committed completion date; moved only by recomputation from the clock stops and extensions. */
  committedDeadline?: Deadline;
  statutoryDeadline?: Deadline;
  extensionWorkingDays: number;
  clockStops: ClockStopRecord[];
  /**
   * The day the application was received, and the end of the fifth working day after it: unless a 补正 is asked for
   * by then, the case is deemed accepted from receipt (行政许可法 art. 32). Absent for cases started before.
   */
  receivedOn?: string;
  deemedAcceptanceOn?: string;
  /** True once the case was deemed accepted rather than accepted at the window. */
  deemedAccepted?: true;
  /** While awaiting a 补正: what was asked and the date after which the case ends as 补正不来. */
  correction?: { missingMaterials: string[]; supplyBy: string };
  warningsRaised: string[];
  result?: CaseResult;
  /** The decision's document (the result handed over). */
  documentId?: string;
  /** Every document issued for the case, in order (absent for cases started before documents were issued). */
  documents?: CaseDocumentRef[];
  history: StepRecord[];
  /**
   * Set while a step failed on data no retry can fix: the case waits here, flagged, until someone who can put the
   * data right asks it to try again (retryStalledStepUpdate).
   */
  attention?: CaseAttention;
}

export interface CaseAttention {
  /** The activity that failed (openReviewTask, issueDocument, …). */
  activity: string;
  /** A stable code of the failure (the database's SQLSTATE when it refused a value). */
  code: string;
  message: string;
  since: string;
}

/** A document the case produced, as its page lists it. */
export interface CaseDocumentRef {
  documentId: string;
  kind: CaseDocumentKind;
  title: string;
  /** 文号. */
  number: string;
  issuerName: string;
  fileName: string;
  verificationCode: string;
  issuedAt: string;
}
