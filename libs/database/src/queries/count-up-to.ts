/**
 * Counting what a list holds stops past `atMost`: a list read at every look (a desk's messages, a town's cases of
 * years) would otherwise count further each year, for a figure nobody pages through; past it the screen says "more
 * than" and the person narrows the list.
 */

/** A scalar subquery counting the rows `select` answers, up to one more than `atMost`. */
export function countUpToSql(select: string, atMost: number): string {
  return `(SELECT count(*)::int FROM (${select} LIMIT ${atMost + 1}) AS counted)`;
}

/** What such a count says: the figure to show, and whether there are more than it. */
export function cappedCount(found: number, atMost: number): { total: number; capped: boolean } {
  return { total: Math.min(found, atMost), capped: found > atMost };
}
