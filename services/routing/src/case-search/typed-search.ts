import { cappedCount, countUpToSql } from '@oneseal/database';
import type { DataSource } from 'typeorm';
import type { NameIndexUse } from './what-was-typed';

/**
 * How many cases a typed search counts at most. Past it the answer says "more than" (totalCapped): a common surname
 * across a county matched 11,000 cases at a million, and counting every one was most of the search's time, for a
 * figure nobody pages through — the person types more instead.
 */
export const MATCHES_COUNTED_AT_MOST = 1000;

/**
 * How many cases a list without anything typed counts at most. A town's 已送达 at a million cases is 62,000 of them,
 * and counting each at every look cost 15–35 ms, growing with the years kept; past ten thousand (five hundred pages)
 * the answer says "more than" and the person narrows the list by its dates or conditions instead.
 */
export const LIST_COUNTED_AT_MOST = 10_000;

/** How many cases a list holds, or that it holds more than `total` (counting stopped there). */
export interface CaseCount {
  total: number;
  totalCapped: boolean;
}

/** Counts the cases `where` (with its `values`) selects, up to `atMost`. */
export async function countCasesUpTo(
  dataSource: DataSource,
  where: string,
  values: readonly unknown[],
  atMost: number,
): Promise<CaseCount> {
  const [{ found }] = (await dataSource.query(
    `SELECT ${countUpToSql(`SELECT 1 FROM routing.routed_cases WHERE ${where}`, atMost)} AS found`,
    [...values],
  )) as { found: number }[];
  const { total, capped } = cappedCount(found, atMost);
  return { total, totalCapped: capped };
}

/** How a case list reads its page (openThenEndedPage) and what it says of its size. */
export interface CaseListPlan extends CaseCount {
  where: string;
  openWhere?: string;
  endedOrder: 'newest-first-index' | 'sort';
}

/**
 * The plan of a list narrowed by `filters` and, when something was typed, by `typed` (whatWasTyped, in the way asked):
 * - nothing typed: counted by `countAll` (up to LIST_COUNTED_AT_MOST, or exactly where that is cheap), ended cases
 *   read newest first from their index;
 * - typed: counted up to MATCHES_COUNTED_AT_MOST through the name index; the open part checks each open case (a
 *   county's few hundred) instead of asking the name index, whose list for a common character is long (20,000 entries
 *   for 王 at a million); when the matches are few, the ended ones are found through the name index and sorted instead
 *   of reading the county's ended cases newest first until enough match (a rare name read a hundred thousand cases:
 *   1.7 s; 19 ms sorted); when they are many, the latest ended cases are read newest first and each checked, since
 *   matches then come often (王 across a county: 46 ms checking each case's index entries, 9 ms with LIKE).
 */
export async function planCaseList(
  dataSource: DataSource,
  filters: readonly string[],
  values: unknown[],
  typed: ((use: NameIndexUse, values: unknown[]) => string) | undefined,
  countAll: (where: string) => Promise<CaseCount>,
): Promise<CaseListPlan> {
  if (!typed) {
    const where = filters.join(' AND ');
    return { where, endedOrder: 'newest-first-index', ...(await countAll(where)) };
  }
  const counted = [...values];
  const { total, totalCapped } = await countCasesUpTo(
    dataSource,
    [...filters, typed('name-index', counted)].join(' AND '),
    counted,
    MATCHES_COUNTED_AT_MOST,
  );
  // The page's conditions take their values after the filters' (PostgreSQL refuses a value no condition uses).
  const eachCase = [...filters, typed('each-case', values)].join(' AND ');
  return {
    where: totalCapped ? eachCase : [...filters, typed('name-index', values)].join(' AND '),
    openWhere: eachCase,
    endedOrder: totalCapped ? 'newest-first-index' : 'sort',
    total,
    totalCapped,
  };
}
