import type { DataSource } from 'typeorm';

/** One town's work in a period, as the county reports it (dates are China Standard Time calendar days). */
export interface TownReport {
  town: string;
  /** Applications filed in the period (routed, within seconds of filing while the system runs). */
  received: number;
  /** Cases accepted (受理) in the period. */
  accepted: number;
  /** Cases that ended in the period, by result. */
  concluded: number;
  concludedOnTime: number;
  approved: number;
  refused: number;
  withdrawn: number;
  /** Ended otherwise (作废, 转报上级): with the three above it adds up to `concluded`. */
  otherResults: number;
  /**
   * On-time share of the cases that ended in the period with a committed date, withdrawn ones left out (the applicant
   * ended those, not the office); null when there are none.
   */
  onTimeRate: number | null;
  /** Cases open at the end of the period whose committed date had passed by then. */
  overdueAtEnd: number;
  /** 好差评 given by applicants in the period, and how many of them were 不满意 or 非常不满意. */
  ratings: number;
  dissatisfied: number;
  /** Share of the period's ratings that were not 差评 (null: none). */
  satisfactionRate: number | null;
}

export interface ReportPeriod {
  county: string;
  /** First and last day, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
}

/**
 * Per-town figures for a period from the supervision read model: what came in, what was accepted and ended, how
 * much of it on time, and what stood overdue at the end. Towns without any case in the period are left out.
 */
export async function townReport(dataSource: DataSource, period: ReportPeriod): Promise<TownReport[]> {
  const rows = (await dataSource.query(
    `WITH cases AS (
       SELECT c.town, c.result, c.on_time, c.committed_due_date, c.concluded_at, r.score,
              (c.routed_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on,
              (c.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_on,
              (c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date AS concluded_on,
              (r.rated_at AT TIME ZONE 'Asia/Shanghai')::date AS rated_on
         FROM routing.routed_cases c LEFT JOIN routing.service_ratings r ON r.case_id = c.case_id
        WHERE c.county = $1)
     SELECT town,
            count(*) FILTER (WHERE received_on BETWEEN $2 AND $3)::int AS received,
            count(*) FILTER (WHERE accepted_on BETWEEN $2 AND $3)::int AS accepted,
            count(*) FILTER (WHERE concluded_on BETWEEN $2 AND $3)::int AS concluded,
            count(*) FILTER (WHERE concluded_on BETWEEN $2 AND $3 AND on_time
                               AND result IS DISTINCT FROM '撤件')::int AS "concludedOnTime",
            count(*) FILTER (WHERE concluded_on BETWEEN $2 AND $3 AND on_time IS NOT NULL
                               AND result IS DISTINCT FROM '撤件')::int AS timed,
            count(*) FILTER (WHERE concluded_on BETWEEN $2 AND $3 AND result IN ('准予', '出证'))::int AS approved,
            count(*) FILTER (WHERE concluded_on BETWEEN $2 AND $3 AND result IN ('不予许可', '退回', '补正不来'))::int
              AS refused,
            count(*) FILTER (WHERE concluded_on BETWEEN $2 AND $3 AND result = '撤件')::int AS withdrawn,
            count(*) FILTER (WHERE concluded_on BETWEEN $2 AND $3
                               AND result NOT IN ('准予', '出证', '不予许可', '退回', '补正不来', '撤件'))::int
              AS "otherResults",
            count(*) FILTER (WHERE received_on <= $3 AND (concluded_on IS NULL OR concluded_on > $3)
                               AND committed_due_date < $3)::int AS "overdueAtEnd",
            count(*) FILTER (WHERE rated_on BETWEEN $2 AND $3)::int AS ratings,
            count(*) FILTER (WHERE rated_on BETWEEN $2 AND $3 AND score <= 2)::int AS dissatisfied
       FROM cases
      GROUP BY town
     HAVING count(*) FILTER (WHERE received_on BETWEEN $2 AND $3
                               OR accepted_on BETWEEN $2 AND $3
                               OR concluded_on BETWEEN $2 AND $3
                               OR rated_on BETWEEN $2 AND $3) > 0
             OR count(*) FILTER (WHERE received_on <= $3 AND (concluded_on IS NULL OR concluded_on > $3)
                                   AND committed_due_date < $3) > 0
      ORDER BY town`,
    [period.county, period.from, period.to],
  )) as (Omit<TownReport, 'onTimeRate' | 'satisfactionRate'> & { timed: number })[];
  return rows.map(({ timed, ...town }) => ({
    ...town,
    onTimeRate: share(town.concludedOnTime, timed),
    satisfactionRate: share(town.ratings - town.dissatisfied, town.ratings),
  }));
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}
