import type { DataSource } from 'typeorm';

/** One line of the supervisor's view of open tasks: a step at a unit, in one person's hands or unclaimed. */
export interface OpenTaskGroup {
  town: string;
  level: string;
  unitCode: string;
  stepName: string;
  /** Who has claimed these tasks; null for the ones nobody has claimed yet (the unit's pool). */
  holderId: string | null;
  holderName: string | null;
  open: number;
  /** Past their step's due date (China Standard Time). */
  overdue: number;
  dueToday: number;
  /** Open while the clock stands still (补正, special procedures): no due date. */
  clockStopped: number;
  earliestDueDate: string | null;
  oldestOpenedAt: Date;
}

/**
 * 电子监察 by step and person: every open task of the county (or one town), grouped by where it waits and who holds
 * it, the most overdue first, so a supervisor sees at once whose desk the late work is on.
 */
export async function openTaskBreakdown(
  dataSource: DataSource,
  place: { county: string; town?: string },
): Promise<OpenTaskGroup[]> {
  return (await dataSource.query(
    `WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS day)
     SELECT t.town, t.level, t.unit_code AS "unitCode", t.step_name AS "stepName",
            t.claimed_by AS "holderId", t.claimed_by_name AS "holderName",
            count(*)::int AS open,
            count(*) FILTER (WHERE t.due_date < today.day)::int AS overdue,
            count(*) FILTER (WHERE t.due_date = today.day)::int AS "dueToday",
            count(*) FILTER (WHERE t.due_date IS NULL)::int AS "clockStopped",
            min(t.due_date)::text AS "earliestDueDate",
            min(t.opened_at) AS "oldestOpenedAt"
       FROM approval.review_tasks t, today
      WHERE t.status = 'open' AND t.county = $1 AND ($2::text IS NULL OR t.town = $2)
      GROUP BY t.town, t.level, t.unit_code, t.step_name, t.claimed_by, t.claimed_by_name
      ORDER BY overdue DESC, "earliestDueDate" NULLS LAST, t.town, t.unit_code, t.step_name, "holderName" NULLS FIRST`,
    [place.county, place.town ?? null],
  )) as OpenTaskGroup[];
}
