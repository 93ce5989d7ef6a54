import { chinaDate, type WorkingDayCalendar } from '@oneseal/domain';
import type { PlaceQuery } from '@oneseal/service-kit';
import type { DataSource } from 'typeorm';

/** How bad a case's standing is today, worst first: the order the supervisor's list reads in. */
export const RISK_LEVELS = ['statutory', 'red', 'step-late', 'yellow', 'due-soon'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface CaseAtRisk {
  caseId: string;
  receiptNumber: string | null;
  town: string;
  matterName: string | null;
  stage: string;
  risk: RiskLevel;
  committedDueDate: string | null;
  /** Working days from today to the committed date: 0 due today, negative overdue by that many. */
  workingDaysLeft: number | null;
  /** The step the case waits at, the unit that holds it and the step's own due date. */
  currentStep: string | null;
  currentUnit: string | null;
  stepDueDate: string | null;
  stepWorkingDaysLeft: number | null;
}

export interface DeadlineRisks {
  today: string;
  counts: Record<RiskLevel, number>;
  items: CaseAtRisk[];
}

/** At most this many cases: the worst of them, which is what a morning's list can hold. */
export const MAX_RISKS = 200;

/**
 * 今日风险: the open cases that are late or about to be — past the statutory or committed limit, a step past its own
 * date (a case can be on time while a village forwards late), warned yellow, or due by the next working day — each
 * with its working days over or left counted on the county's calendar. Cases whose clock stands (awaiting a 补正
 * before acceptance, in a 特别程序) are not at risk while it stands.
 */
export async function deadlineRisks(
  dataSource: DataSource,
  place: PlaceQuery,
  calendar: WorkingDayCalendar,
  now: Date = new Date(),
): Promise<DeadlineRisks> {
  const today = chinaDate(now);
  const nextWorkingDay = calendar.addWorkingDays(today, 1);
  const soon = nextWorkingDay.kind === 'due' ? nextWorkingDay.date : today;
  const values: unknown[] = [place.county, soon, today];
  if (place.town) values.push(place.town);
  // The same order as riskOf below, in SQL: the worst are kept when there are more than a list holds, and every
  // case is counted, not only those listed.
  const atRisk = `
    WITH at_risk AS (
      SELECT *, CASE
                  WHEN warning = 'statutory' THEN 0
                  WHEN warning = 'red' OR committed_due_date < $3::date THEN 1
                  WHEN current_step_due_date < $3::date THEN 2
                  WHEN warning = 'yellow' THEN 3
                  ELSE 4
                END AS risk_rank
        FROM routing.routed_cases
       WHERE county = $1 ${place.town ? 'AND town = $4' : ''}
         AND concluded_at IS NULL AND stage NOT IN ('awaiting-correction', 'suspended')
         -- A step or the case due by the next working day, or already warned.
         AND (warning IS NOT NULL OR current_step_due_date <= $2 OR committed_due_date <= $2))`;
  const rows = (await dataSource.query(
    `${atRisk}
     SELECT case_id AS "caseId", receipt_number AS "receiptNumber", town, matter_name AS "matterName", stage,
            warning, committed_due_date::text AS "committedDueDate", current_step AS "currentStep",
            current_unit AS "currentUnit", current_step_due_date::text AS "stepDueDate"
       FROM at_risk ORDER BY risk_rank, committed_due_date NULLS LAST, current_step_due_date NULLS LAST
      LIMIT ${MAX_RISKS}`,
    values,
  )) as (Omit<CaseAtRisk, 'risk' | 'workingDaysLeft' | 'stepWorkingDaysLeft'> & { warning: string | null })[];
  const ranks = (await dataSource.query(
    `${atRisk} SELECT risk_rank AS rank, count(*)::int AS n FROM at_risk GROUP BY risk_rank`,
    values,
  )) as { rank: number; n: number }[];
  const left = (date: string | null) => (date ? workingDaysFrom(calendar, today, date) : null);
  const items = rows
    .map(({ warning, ...row }): CaseAtRisk => {
      const workingDaysLeft = left(row.committedDueDate);
      const stepWorkingDaysLeft = left(row.stepDueDate);
      return {
        ...row,
        workingDaysLeft,
        stepWorkingDaysLeft,
        risk: riskOf(
          warning,
          row.committedDueDate !== null && row.committedDueDate < today,
          row.stepDueDate !== null && row.stepDueDate < today,
        ),
      };
    })
    .sort(
      (a, b) =>
        RISK_LEVELS.indexOf(a.risk) - RISK_LEVELS.indexOf(b.risk) ||
        (a.workingDaysLeft ?? Infinity) - (b.workingDaysLeft ?? Infinity),
    );
  const counts = Object.fromEntries(
    RISK_LEVELS.map((level, rank) => [level, ranks.find((row) => row.rank === rank)?.n ?? 0]),
  ) as Record<RiskLevel, number>;
  return { today, counts, items };
}

/** The warning the deadline workflow gave, else what today's date says of the case and its step (as the SQL ranks). */
function riskOf(warning: string | null, casePastDate: boolean, stepPastDate: boolean): RiskLevel {
  if (warning === 'statutory') return 'statutory';
  if (warning === 'red' || casePastDate) return 'red';
  if (stepPastDate) return 'step-late';
  if (warning === 'yellow') return 'yellow';
  return 'due-soon';
}

/** Working days from today to the date: positive ahead, 0 today, negative behind. */
export function workingDaysFrom(calendar: WorkingDayCalendar, today: string, date: string): number {
  return date >= today
    ? calendar.workingDaysBetween(today, date).days
    : -calendar.workingDaysBetween(date, today).days;
}
