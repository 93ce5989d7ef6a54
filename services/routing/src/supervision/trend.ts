import { shareOf } from '@oneseal/domain';
import type { DataSource } from 'typeorm';

export const TREND_GRAINS = ['week', 'month'] as const;
export type TrendGrain = (typeof TREND_GRAINS)[number];

/** One week (Monday to Sunday) or one calendar month of a county's (or a town's) work. */
export interface TrendPoint {
  /** First and last day of the period, China Standard Time; the current period ends today. */
  from: string;
  to: string;
  received: number;
  accepted: number;
  concluded: number;
  concludedOnTime: number;
  /** The on-time share of the period's concluded cases with a committed date, withdrawn ones left out. */
  onTimeRate: number | null;
  ratings: number;
  dissatisfied: number;
  satisfactionRate: number | null;
}

/**
 * 趋势: the last `periods` weeks or months up to today, oldest first, each summed from the per-day counts (a period
 * without any case reads 0, not missing, so a quiet week shows as one).
 */
export async function trend(
  dataSource: DataSource,
  place: { county: string; town?: string },
  grain: TrendGrain,
  periods: number,
  today: string,
): Promise<TrendPoint[]> {
  const rows = (await dataSource.query(
    `WITH bounds AS (
       SELECT generate_series(date_trunc($3, $4::date) - ($5 - 1) * ('1 ' || $3)::interval,
                              date_trunc($3, $4::date), ('1 ' || $3)::interval)::date AS start),
     periods AS (
       SELECT start, least((start + ('1 ' || $3)::interval - interval '1 day')::date, $4::date) AS finish FROM bounds)
     SELECT p.start::text AS "from", p.finish::text AS "to",
            coalesce(sum(d.received), 0)::int AS received, coalesce(sum(d.accepted), 0)::int AS accepted,
            coalesce(sum(d.concluded), 0)::int AS concluded,
            coalesce(sum(d.concluded_on_time), 0)::int AS "concludedOnTime", coalesce(sum(d.timed), 0)::int AS timed,
            coalesce(sum(d.ratings), 0)::int AS ratings, coalesce(sum(d.dissatisfied), 0)::int AS dissatisfied
       FROM periods p
       LEFT JOIN routing.town_days d
              ON d.county = $1 AND ($2::text IS NULL OR d.town = $2) AND d.day BETWEEN p.start AND p.finish
      GROUP BY p.start, p.finish
      ORDER BY p.start`,
    [place.county, place.town ?? null, grain, today, periods],
  )) as (Omit<TrendPoint, 'onTimeRate' | 'satisfactionRate'> & { timed: number })[];
  return rows.map(({ timed, ...point }) => ({
    ...point,
    onTimeRate: shareOf(point.concludedOnTime, timed),
    satisfactionRate: shareOf(point.ratings - point.dissatisfied, point.ratings),
  }));
}
