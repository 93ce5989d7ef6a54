import { CASE_LIFETIME } from '../migrations/1765500000100-CountEachTownsDays';

/** Where in the caller's query the figures' inputs are: its placeholders, e.g. `$1`. */
export interface OverdueAtEndInputs {
  county: string;
  /** The period's last day, YYYY-MM-DD. */
  to: string;
  /** The moment the figures are taken (a timestamptz): a period that runs on past it ends there. */
  now: string;
}

/**
 * 期末超期在办, one row per town (town, overdue_at_end): the cases open at the end of the period's last day (China
 * Standard Time), or now if that is still to come, whose committed date was behind them by then. The period report
 * shows it and 考核 deducts for it, so a town is never marked down for cases its report does not show.
 *
 * A case's stage is not looked at: the read model keeps only today's, which says nothing of a past period's end.
 * A query to put in the caller's WITH, reading the caller's parameters.
 */
export function overdueAtEndByTown({ county, to, now }: OverdueAtEndInputs): string {
  return `
    SELECT town, count(*)::int AS overdue_at_end
      FROM routing.routed_cases
     WHERE ${CASE_LIFETIME} @> least(((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'), ${now}::timestamptz)
       AND county = ${county}
       AND committed_due_date < least(${to}::date, (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
     GROUP BY town`;
}
