import { shareOf } from '@oneseal/domain';
import type { DataSource } from 'typeorm';

/** One person's work at one unit: what they decided in a period, how much on time, and what they hold now. */
export interface PersonWorkload {
  town: string;
  unitCode: string;
  personId: string;
  personName: string | null;
  /** Steps the person decided in the period (China Standard Time days). */
  decided: number;
  /** Of those with a due date, how many were decided by it. */
  timed: number;
  onTime: number;
  onTimeRate: number | null;
  /** Open steps the person has claimed now, and how many of them are past their date today. */
  holding: number;
  overdueNow: number;
}

/**
 * 人员办理情况: per person and unit of a county (or a town), the steps decided in the period and their timeliness,
 * beside what each holds today — the most overdue first, then the busiest.
 */
export async function peopleWorkload(
  dataSource: DataSource,
  place: { county: string; town?: string; from: string; to: string },
): Promise<PersonWorkload[]> {
  const rows = (await dataSource.query(
    `WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS day),
     decided AS (
       SELECT t.town, t.unit_code, t.handler_id AS person_id, max(t.handler_name) AS person_name,
              count(*)::int AS decided,
              count(*) FILTER (WHERE t.due_date IS NOT NULL)::int AS timed,
              count(*) FILTER (WHERE (t.decided_at AT TIME ZONE 'Asia/Shanghai')::date <= t.due_date)::int AS on_time
         FROM approval.review_tasks t
        WHERE t.county = $1 AND ($2::text IS NULL OR t.town = $2) AND t.status = 'done' AND t.handler_id IS NOT NULL
          AND t.decided_at >= ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND t.decided_at < ($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY t.town, t.unit_code, t.handler_id),
     held AS (
       SELECT t.town, t.unit_code, t.claimed_by AS person_id, max(t.claimed_by_name) AS person_name,
              count(*)::int AS holding, count(*) FILTER (WHERE t.due_date < today.day)::int AS overdue_now
         FROM approval.review_tasks t, today
        WHERE t.county = $1 AND ($2::text IS NULL OR t.town = $2) AND t.status = 'open' AND t.claimed_by IS NOT NULL
        GROUP BY t.town, t.unit_code, t.claimed_by)
     SELECT coalesce(d.town, h.town) AS town, coalesce(d.unit_code, h.unit_code) AS "unitCode",
            coalesce(d.person_id, h.person_id) AS "personId", coalesce(d.person_name, h.person_name) AS "personName",
            coalesce(d.decided, 0) AS decided, coalesce(d.timed, 0) AS timed, coalesce(d.on_time, 0) AS "onTime",
            coalesce(h.holding, 0) AS holding, coalesce(h.overdue_now, 0) AS "overdueNow"
       FROM decided d FULL JOIN held h
         ON h.town = d.town AND h.unit_code = d.unit_code AND h.person_id = d.person_id
      ORDER BY "overdueNow" DESC, decided DESC, "personName"`,
    [place.county, place.town ?? null, place.from, place.to],
  )) as Omit<PersonWorkload, 'onTimeRate'>[];
  return rows.map((row) => ({ ...row, onTimeRate: shareOf(row.onTime, row.timed) }));
}
