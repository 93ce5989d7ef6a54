import type { CaseResult, HandoverMethod, SpecialProcedure } from '../events/shared-fields';

/** A stretch of dates (YYYY-MM-DD, both inclusive) the clock does not count. */
export interface ClockStop {
  from: string;
  to: string;
}

export interface DeadlineRequest {
  /** The day the clock starts from; it is not counted itself (the acceptance day, the day a task opened). */
  startDate: string;
  workingDays: number;
  stops: ClockStop[];
  /** The case's county: its own working-day changes count too (absent: the national calendar alone). */
  county?: string;
}

export interface ComputedDeadline {
  /** The last working day of the limit (YYYY-MM-DD, China Standard Time). */
  dueDate: string;
  /** True when the count ran through a year whose official holidays are not loaded yet. */
  provisional: boolean;
}

interface MilestoneBase {
  /** Chosen by the workflow: a retried activity announces its milestone once. */
  milestoneId: string;
  caseId: string;
  county: string;
  town: string;
  correlationId: string;
  at: string;
}

/** Every turn of a case the rest of OneSeal hears about, as the case workflow reports it. */
export type CaseMilestone = MilestoneBase &
  (
    | {
        kind: 'accepted';
        receiptNumber: string;
        matterCode: string;
        matterVersion: number;
        committedDueDate: string;
        provisional: boolean;
        /** Deemed accepted from receipt: no 补正 was asked for within five working days (行政许可法 art. 32). */
        deemed?: true;
      }
    | { kind: 'refused'; reason: string; handlerId: string }
    | { kind: 'correction-requested'; missingMaterials: string[]; supplyBy: string }
    | {
        kind: 'correction-supplied';
        suppliedMaterials: string[];
        /** Absent when the 补正 came before acceptance: no committed date runs yet. */
        committedDueDate?: string;
        provisional: boolean;
      }
    | {
        kind: 'suspended';
        procedure: SpecialProcedure;
        reason: string;
        handlerId: string;
        /** Expected length in working days, as the applicant is told it (absent for requests before it was asked). */
        expectedWorkingDays?: number;
      }
    | { kind: 'resumed'; procedure: SpecialProcedure; committedDueDate: string; provisional: boolean }
    | {
        kind: 'extended';
        extraWorkingDays: number;
        reason: string;
        approvedBy: string;
        committedDueDate: string;
        provisional: boolean;
      }
    | {
        kind: 'warning';
        scope: 'case' | 'step';
        stepName?: string;
        severity: 'yellow' | 'red' | 'statutory';
        unitCode: string;
        dueDate: string;
      }
    | {
        /** The working-day calendar changed under the case (a year loaded, a county day set): its dates were redone. */
        kind: 'rescheduled';
        /** What changed, in words a clerk and the applicant read (the notice or the county's reason). */
        change: string;
        /** Absent before 受理: no committed date runs yet. */
        previousDueDate?: string;
        committedDueDate?: string;
        provisional: boolean;
        previousStatutoryDueDate?: string;
        statutoryDueDate?: string;
        /** The open step's redone deadline, when it has one. */
        stepName?: string;
        stepTaskId?: string;
        stepDueDate?: string;
      }
    | { kind: 'concluded'; result: CaseResult; onTime: boolean }
    | {
        /** A step failed on bad data: the case waits for someone to put it right and retry. */
        kind: 'stalled';
        activity: string;
        code: string;
        message: string;
      }
    | { kind: 'unstalled'; activity: string; handlerId: string; handlerName?: string; note: string }
    | {
        kind: 'delivered';
        method: HandoverMethod;
        documentId?: string;
        handlerId: string;
        /** Who received the result and on which day, as the 送达 record says (absent for electronic delivery). */
        recipient?: string;
        deliveredOn?: string;
        /** 邮寄送达: by which carrier, under which tracking number. */
        carrier?: string;
        trackingNumber?: string;
      }
  );

export type CaseMilestoneKind = CaseMilestone['kind'];

/**
 * Activities the routing service runs on TASK_QUEUES.caseActivities: the working-day calendar (which an
 * administrator may extend with a newly published year, hence not computed inside the workflow) and the case's
 * announcements (event through the outbox, and the supervision read model).
 */
export interface CaseActivities {
  computeDeadline(request: DeadlineRequest): Promise<ComputedDeadline>;
  announce(milestone: CaseMilestone): Promise<void>;
}

/**
 * The case activities the routing service also runs inside the case workflow's own task (local activities, on the
 * workflow worker): they touch only routing's database, so a round trip through Temporal for each is work for
 * nothing. Every worker that runs the case workflow registers these.
 */
export const LOCAL_CASE_ACTIVITIES = [
  'computeDeadline',
  'announce',
] as const satisfies readonly (keyof CaseActivities)[];
export type LocalCaseActivities = Pick<CaseActivities, (typeof LOCAL_CASE_ACTIVITIES)[number]>;

/** The local ones of a set of case activities, as a workflow worker registers them. */
export function localCaseActivitiesOf(activities: CaseActivities): LocalCaseActivities {
  return Object.fromEntries(
    LOCAL_CASE_ACTIVITIES.map((name) => [name, activities[name]]),
  ) as unknown as LocalCaseActivities;
}
