import { ONLINE_CHANNELS } from '@oneseal/contracts';
import { shareOf } from '@oneseal/domain';
import type { TownFigures } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { overdueAtEndByTown } from '../supervision/overdue-at-end';

/**
 * Each town's figures for 考核 over a period (China Standard Time days): on-time and satisfaction rates from the
 * per-day counts; the online share of the cases received (by their channel, where it was kept); the share of the
 * period's 差评 answered; overdue cases — those that ended late in the period (from the per-day counts the period
 * report's on-time rate is taken from) and those its 期末超期在办 shows, at the period's end or at `now` while it runs.
 */
export async function townFigures(
  dataSource: DataSource,
  county: string,
  from: string,
  to: string,
  now: Date = new Date(),
): Promise<Map<string, TownFigures>> {
  const rows = (await dataSource.query(
    `WITH days AS (
       SELECT town, sum(timed)::int AS timed, sum(concluded_on_time)::int AS on_time,
              sum(ratings)::int AS ratings, sum(dissatisfied)::int AS dissatisfied
         FROM routing.town_days WHERE county = $1 AND day BETWEEN $2 AND $3 GROUP BY town),
     channels AS (
       SELECT town, count(*) FILTER (WHERE channel IS NOT NULL)::int AS known,
              count(*) FILTER (WHERE channel = ANY($4::text[]))::int AS online
         FROM routing.routed_cases
        WHERE county = $1 AND routed_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND routed_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY town),
     complaints AS (
       SELECT town, count(*)::int AS complaints, count(*) FILTER (WHERE response IS NOT NULL)::int AS answered
         FROM routing.service_ratings
        WHERE county = $1 AND score <= 2 AND rated_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND rated_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY town),
     overdue AS (${overdueAtEndByTown({ county: '$1', to: '$3', now: '$5' })})
     SELECT t.town, d.timed, d.on_time AS "onTime", d.ratings, d.dissatisfied, c.known, c.online,
            p.complaints, p.answered, o.overdue_at_end AS "overdueAtEnd"
       FROM (SELECT town FROM days UNION SELECT town FROM channels UNION SELECT town FROM complaints
             UNION SELECT town FROM overdue) t
       LEFT JOIN days d USING (town) LEFT JOIN channels c USING (town) LEFT JOIN complaints p USING (town)
       LEFT JOIN overdue o USING (town)`,
    [county, from, to, ONLINE_CHANNELS, now],
  )) as {
    town: string;
    timed: number | null;
    onTime: number | null;
    ratings: number | null;
    dissatisfied: number | null;
    known: number | null;
    online: number | null;
    complaints: number | null;
    answered: number | null;
    overdueAtEnd: number | null;
  }[];
  return new Map(
    rows.map((row) => [
      row.town,
      {
        onTimeRate: shareOf(row.onTime ?? 0, row.timed ?? 0),
        satisfactionRate: shareOf((row.ratings ?? 0) - (row.dissatisfied ?? 0), row.ratings ?? 0),
        onlineRate: shareOf(row.online ?? 0, row.known ?? 0),
        rectifyRate: shareOf(row.answered ?? 0, row.complaints ?? 0),
        overdueCount: (row.timed ?? 0) - (row.onTime ?? 0) + (row.overdueAtEnd ?? 0),
      },
    ]),
  );
}

/** A town without any case in the period: nothing to rate, nothing overdue. */
export const QUIET_TOWN: TownFigures = {
  onTimeRate: null,
  satisfactionRate: null,
  onlineRate: null,
  rectifyRate: null,
  overdueCount: 0,
};
