import type { CaseResult } from '@oneseal/contracts';
import { resultWording } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { openThenEndedPage } from '../case-search/open-then-ended-page';
import { countCasesUpTo, LIST_COUNTED_AT_MOST, planCaseList } from '../case-search/typed-search';
import { whatWasTyped } from '../case-search/what-was-typed';
import type { SupervisionQuery } from './dto/supervision.query';

export interface SupervisedCase {
  caseId: string;
  receiptNumber: string | null;
  town: string;
  matterCode: string;
  /** As the guide named it when the case was filed; null for cases routed before names were kept. */
  matterName: string | null;
  stage: string;
  committedDueDate: string | null;
  dueDateProvisional: boolean;
  warning: string | null;
  result: string | null;
  /** The result in the words of the matter's type (准予给付, 不予受理 …). */
  resultText: string | null;
  onTime: boolean | null;
}

export interface SupervisedCasePage {
  total: number;
  /** More cases match than `total`: counting stopped there (MATCHES_COUNTED_AT_MOST typed, else LIST_COUNTED_AT_MOST). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  items: SupervisedCase[];
}

/**
 * 电子监察's list: the county's (or a town's) cases from the routing read model, filtered by warning, stage,
 * receipt number or what was typed in the search box (as staff search reads it); open cases first, the nearest
 * committed date first, then ended ones, the latest first.
 */
export async function supervisedCases(
  dataSource: DataSource,
  query: SupervisionQuery,
  applicantLookupKey: Buffer,
): Promise<SupervisedCasePage> {
  const filters = ['county = $1'];
  const values: unknown[] = [query.county];
  const add = (column: string, value: unknown) => {
    values.push(value);
    filters.push(`${column} = $${values.length}`);
  };
  if (query.town) add('town', query.town);
  if (query.warning) add('warning', query.warning);
  if (query.stage) add('stage', query.stage);
  if (query.receiptNumber) add('receipt_number', query.receiptNumber);
  const { where, openWhere, endedOrder, total, totalCapped } = await planCaseList(
    dataSource,
    filters,
    values,
    query.q
      ? (use, into) =>
          whatWasTyped(
            query.q as string,
            applicantLookupKey,
            into,
            { county: query.county, town: query.town },
            use,
          )
      : undefined,
    async (all) => {
      if (query.warning || query.stage || query.receiptNumber)
        return countCasesUpTo(dataSource, all, values, LIST_COUNTED_AT_MOST);
      // A whole county or town, counted exactly: every case is counted once on the day it came in.
      const [{ n }] = (await dataSource.query(
        `SELECT coalesce(sum(received), 0)::int AS n FROM routing.town_days WHERE ${all}`,
        [...values],
      )) as { n: number }[];
      return { total: n, totalCapped: false };
    },
  );
  // Open cases first, the nearest committed date first; then ended ones, the latest first.
  const items = await openThenEndedPage<
    Omit<SupervisedCase, 'resultText'> & { matterTypeCode: string | null }
  >(
    dataSource,
    {
      columns: `case_id AS "caseId", receipt_number AS "receiptNumber", town, matter_code AS "matterCode",
            matter_name AS "matterName", stage,
            committed_due_date::text AS "committedDueDate", due_date_provisional AS "dueDateProvisional",
            warning, result, on_time AS "onTime", matter_type_code AS "matterTypeCode"`,
      where,
      openWhere,
      endedOrder,
      values,
      openOrder: [{ expression: 'committed_due_date' }, { expression: 'routed_at' }],
    },
    query,
  );
  return {
    total,
    totalCapped,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map(({ matterTypeCode, ...item }) => ({
      ...item,
      resultText: item.result ? resultWording(matterTypeCode, item.result as CaseResult) : null,
    })),
  };
}

export interface TownSummary {
  town: string;
  open: number;
  yellow: number;
  red: number;
  statutory: number;
  concluded: number;
  /** Ended with a committed date, withdrawn ones left out: what the on-time rate is of. */
  timed: number;
  concludedOnTime: number;
}

/**
 * Each town of a county at a glance: open cases and their warnings (from the open and warned cases, a few thousand
 * at most), and how many ended and how many on time (from the per-day counts, not from every case ever handled).
 */
export async function townSummaries(dataSource: DataSource, county: string): Promise<TownSummary[]> {
  return (await dataSource.query(
    `WITH ended AS (
       SELECT town, sum(received) AS received, sum(concluded)::int AS concluded, sum(timed)::int AS timed,
              sum(concluded_on_time)::int AS "concludedOnTime"
         FROM routing.town_days WHERE county = $1 GROUP BY town),
     open AS (
       SELECT town, count(*)::int AS "open",
              count(*) FILTER (WHERE warning = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE warning = 'red')::int AS red
         FROM routing.routed_cases WHERE county = $1 AND concluded_at IS NULL GROUP BY town),
     statutory AS (
       SELECT town, count(*)::int AS statutory
         FROM routing.routed_cases WHERE county = $1 AND warning = 'statutory' GROUP BY town)
     SELECT ended.town, coalesce(open.open, 0) AS "open", coalesce(open.yellow, 0) AS yellow,
            coalesce(open.red, 0) AS red, coalesce(statutory.statutory, 0) AS statutory,
            ended.concluded, ended.timed, ended."concludedOnTime"
       FROM ended LEFT JOIN open USING (town) LEFT JOIN statutory USING (town)
      WHERE ended.received > 0
      ORDER BY ended.town`,
    [county],
  )) as TownSummary[];
}
