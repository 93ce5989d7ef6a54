import { CASE_LIFETIME } from '../migrations/1765500000100-CountEachTownsDays';

/**
 * Stages whose clock stands still (补正, 特别程序: 行政许可法 arts. 32, 45): their committed date moves only when they
 * resume, so a case waiting in one is never counted overdue — by 今日风险, the period report or 考核.
 */
/** The stages in which a case's clock stands still (a 补正 awaited, a special procedure): never counted overdue. */
export const CLOCK_STOPPED = ['awaiting-correction', 'suspended'] as const;
/** CLOCK_STOPPED as an SQL list. */
export const CLOCK_STOPPED_STAGES = `(${CLOCK_STOPPED.map((stage) => `'${stage}'`).join(', ')})`;

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
 * A case whose clock stands still today is left out: its committed date will move when it resumes. The read model
 * keeps only today's stage, so a case that stood overdue at a past period's end and was suspended since is left
 * out too — rarer than the other way round, which counted every lawful pause across its date.
 * A query to put in the caller's WITH, reading the caller's parameters.
 */
export function overdueAtEndByTown({ county, to, now }: OverdueAtEndInputs): string {
  return `
    SELECT town, count(*)::int AS overdue_at_end
      FROM routing.routed_cases
     WHERE ${CASE_LIFETIME} @> least(((${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'), ${now}::timestamptz)
       AND county = ${county}
       AND stage NOT IN ${CLOCK_STOPPED_STAGES}
       AND committed_due_date < least(${to}::date, (${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
     GROUP BY town`;
}
