import { chinaDate, type WorkingDayCalendar } from '@oneseal/domain';
import type { PlaceQuery } from '@oneseal/service-kit';
import type { DataSource } from 'typeorm';
import { workingDaysLeft } from '../calendar/working-days-left';
import { CLOCK_STOPPED_STAGES } from './overdue-at-end';

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

/** When a case stands at each level today ($3), tried worst first: the first that holds is its level. */
const RISK_CONDITIONS: Record<RiskLevel, string> = {
  statutory: `warning = 'statutory'`,
  red: `warning = 'red' OR committed_due_date < $3::date`,
  'step-late': `current_step_due_date < $3::date`,
  yellow: `warning = 'yellow'`,
  'due-soon': `true`,
};

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
  // A window counts every case at risk before the limit cuts the list, so a level's count holds the cases the list
  // has no room for, and a level none of whose cases is listed is counted all the same.
  const rows = (await dataSource.query(
    `SELECT case_id AS "caseId", receipt_number AS "receiptNumber", town, matter_name AS "matterName", stage,
            risk_rank AS "riskRank", committed_due_date::text AS "committedDueDate", current_step AS "currentStep",
            current_unit AS "currentUnit", current_step_due_date::text AS "stepDueDate",
            ARRAY[${RISK_LEVELS.map((_, rank) => `count(*) FILTER (WHERE risk_rank = ${rank}) OVER ()`).join(', ')}]::int[]
              AS "rankCounts"
       FROM (SELECT *,
                    CASE ${RISK_LEVELS.map((level, rank) => `WHEN (${RISK_CONDITIONS[level]}) THEN ${rank}`).join(' ')} END
                      AS risk_rank
               FROM routing.routed_cases
              WHERE county = $1 ${place.town ? 'AND town = $4' : ''}
                AND concluded_at IS NULL AND stage NOT IN ${CLOCK_STOPPED_STAGES}
                -- A step or the case due by the next working day, or already warned.
                AND (warning IS NOT NULL OR current_step_due_date <= $2 OR committed_due_date <= $2)) at_risk
      ORDER BY risk_rank, committed_due_date NULLS LAST, current_step_due_date NULLS LAST
      LIMIT ${MAX_RISKS}`,
    values,
  )) as (Omit<CaseAtRisk, 'risk' | 'workingDaysLeft' | 'stepWorkingDaysLeft'> & {
    riskRank: number;
    rankCounts: number[];
  })[];
  const left = (date: string | null) => (date ? workingDaysLeft(calendar, today, date) : null);
  const items = rows.map(
    ({ riskRank, rankCounts, ...row }): CaseAtRisk => ({
      ...row,
      risk: RISK_LEVELS[riskRank],
      workingDaysLeft: left(row.committedDueDate),
      stepWorkingDaysLeft: left(row.stepDueDate),
    }),
  );
  // No row: nothing is at risk, every level is 0.
  const counts = Object.fromEntries(
    RISK_LEVELS.map((level, rank) => [level, rows[0]?.rankCounts[rank] ?? 0]),
  ) as Record<RiskLevel, number>;
  return { today, counts, items };
}
