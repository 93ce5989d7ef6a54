import type { DataSource } from 'typeorm';

/** Who holds a case's open step: the person who claimed it, or nobody yet (the unit's pool). */
export interface TaskHolder {
  caseId: string;
  stepName: string;
  unitCode: string;
  holderName: string | null;
  dueDate: string | null;
}

/** At most this many cases per question: the supervisor's list of today's risks. */
export const MAX_HOLDER_CASES = 200;

/** The open tasks of the cases asked about, within the county (or one town) the asker reaches. */
export async function taskHolders(
  dataSource: DataSource,
  place: { county: string; town?: string },
  caseIds: readonly string[],
): Promise<TaskHolder[]> {
  if (caseIds.length === 0) return [];
  return (await dataSource.query(
    `SELECT t.case_id AS "caseId", t.step_name AS "stepName", t.unit_code AS "unitCode",
            t.claimed_by_name AS "holderName", t.due_date::text AS "dueDate"
       FROM approval.review_tasks t
      WHERE t.status = 'open' AND t.county = $1 AND ($2::text IS NULL OR t.town = $2) AND t.case_id = ANY($3::uuid[])
      ORDER BY t.case_id, t.opened_at`,
    [place.county, place.town ?? null, caseIds],
  )) as TaskHolder[];
}
