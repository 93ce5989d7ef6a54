import type { DataSource } from 'typeorm';

/** How long people waited in a town's hall over a period, and how its appointments went. */
export interface TownWaiting {
  town: string;
  townName: string;
  tickets: number;
  called: number;
  skipped: number;
  /** Minutes from taking a number to being called: the mean and the 90th percentile. */
  averageWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  booked: number;
  arrived: number;
  cancelled: number;
  /** Booked for a day that has passed, never arrived. */
  missed: number;
}

/** 大厅排队 for supervision: per town of the county, over the days from..to (Beijing dates, both included). */
export async function hallWaiting(
  dataSource: DataSource,
  { county, from, to }: { county: string; from: string; to: string },
  today: string,
): Promise<TownWaiting[]> {
  return (await dataSource.query(
    `WITH tickets AS (
       SELECT town, count(*)::int AS tickets,
              count(*) FILTER (WHERE called_at IS NOT NULL)::int AS called,
              count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
              round(avg(extract(epoch FROM called_at - issued_at)) / 60)::int AS "averageWaitMinutes",
              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - issued_at)) / 60)::int
                AS "p90WaitMinutes"
         FROM intake.queue_tickets WHERE county = $1 AND day BETWEEN $2::date AND $3::date GROUP BY town),
     visits AS (
       SELECT town, count(*) FILTER (WHERE status <> 'cancelled')::int AS booked,
              count(*) FILTER (WHERE status = 'arrived')::int AS arrived,
              count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE status = 'booked' AND day < $4::date)::int AS missed
         FROM intake.appointments WHERE county = $1 AND day BETWEEN $2::date AND $3::date GROUP BY town)
     SELECT t.code AS town, t.name AS "townName", coalesce(k.tickets, 0) AS tickets, coalesce(k.called, 0) AS called,
            coalesce(k.skipped, 0) AS skipped, k."averageWaitMinutes", k."p90WaitMinutes",
            coalesce(v.booked, 0) AS booked, coalesce(v.arrived, 0) AS arrived, coalesce(v.cancelled, 0) AS cancelled,
            coalesce(v.missed, 0) AS missed
       FROM intake.towns t LEFT JOIN tickets k ON k.town = t.code LEFT JOIN visits v ON v.town = t.code
      WHERE t.county_code = $1 ORDER BY t.code`,
    [county, from, to, today],
  )) as TownWaiting[];
}
