import type { DataSource } from 'typeorm';

/**
 * How many cases a typed search counts at most. Past it the answer says "more than" (totalCapped): a common surname
 * across a county matched 11,000 cases at a million, and counting every one was most of the search's time, for a
 * figure nobody pages through — the person types more instead.
 */
export const MATCHES_COUNTED_AT_MOST = 1000;

export interface CountedMatches {
  total: number;
  /** More than `total` cases match. */
  totalCapped: boolean;
}

/** Counts the routed cases `where` selects, up to MATCHES_COUNTED_AT_MOST. */
export async function countedMatches(
  dataSource: DataSource,
  where: string,
  values: readonly unknown[],
): Promise<CountedMatches> {
  const [{ found }] = (await dataSource.query(
    `SELECT count(*)::int AS found FROM (
       SELECT 1 FROM routing.routed_cases WHERE ${where} LIMIT ${MATCHES_COUNTED_AT_MOST + 1}) AS matches`,
    [...values],
  )) as { found: number }[];
  return { total: Math.min(found, MATCHES_COUNTED_AT_MOST), totalCapped: found > MATCHES_COUNTED_AT_MOST };
}
