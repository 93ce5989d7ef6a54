import { shareOf } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { overdueAtEndByTown } from './overdue-at-end';

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
  /** Cases open at the end of the period (today, if it ends later) whose committed date had passed by then. */
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
 * Per-town figures for a period: what came in, was accepted and ended (and how much of it on time) and the ratings
 * given, summed from the per-day counts; what stood overdue at the end (or at `now`, while the period runs), from the
 * cases open at that moment. Towns without any case in the period are left out.
 */
export async function townReport(
  dataSource: DataSource,
  period: ReportPeriod,
  now: Date = new Date(),
): Promise<TownReport[]> {
  const rows = (await dataSource.query(
    `WITH days AS (
       SELECT town, sum(received)::int AS received, sum(accepted)::int AS accepted, sum(concluded)::int AS concluded,
              sum(concluded_on_time)::int AS "concludedOnTime", sum(timed)::int AS timed,
              sum(approved)::int AS approved, sum(refused)::int AS refused, sum(withdrawn)::int AS withdrawn,
              sum(concluded - approved - refused - withdrawn)::int AS "otherResults",
              sum(ratings)::int AS ratings, sum(dissatisfied)::int AS dissatisfied
         FROM routing.town_days WHERE county = $1 AND day BETWEEN $2 AND $3
        GROUP BY town
       HAVING sum(received) + sum(accepted) + sum(concluded) + sum(ratings) > 0),
     overdue AS (${overdueAtEndByTown({ county: '$1', to: '$3', now: '$4' })})
     SELECT town, coalesce(days.received, 0) AS received, coalesce(days.accepted, 0) AS accepted,
            coalesce(days.concluded, 0) AS concluded, coalesce(days."concludedOnTime", 0) AS "concludedOnTime",
            coalesce(days.timed, 0) AS timed, coalesce(days.approved, 0) AS approved,
            coalesce(days.refused, 0) AS refused, coalesce(days.withdrawn, 0) AS withdrawn,
            coalesce(days."otherResults", 0) AS "otherResults", coalesce(overdue.overdue_at_end, 0) AS "overdueAtEnd",
            coalesce(days.ratings, 0) AS ratings, coalesce(days.dissatisfied, 0) AS dissatisfied
       FROM days FULL JOIN overdue USING (town)
      ORDER BY town`,
    [period.county, period.from, period.to, now],
  )) as (Omit<TownReport, 'onTimeRate' | 'satisfactionRate'> & { timed: number })[];
  return rows.map(({ timed, ...town }) => ({
    ...town,
    onTimeRate: shareOf(town.concludedOnTime, timed),
    satisfactionRate: shareOf(town.ratings - town.dissatisfied, town.ratings),
  }));
}
