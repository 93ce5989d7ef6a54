import type { CaseResult } from '@oneseal/contracts';
import { resultWording } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
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
  page: number;
  pageSize: number;
  items: SupervisedCase[];
}

/**
 * 电子监察's list: the county's (or a town's) cases from the routing read model, filtered by warning, stage,
 * receipt number or what was typed in the search box (as staff search reads it); open cases first, the nearest
 * committed date first.
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
  if (query.q) filters.push(whatWasTyped(query.q, applicantLookupKey, values));
  const where = filters.join(' AND ');
  const [{ total }] = (await dataSource.query(
    `SELECT count(*)::int AS total FROM routing.routed_cases WHERE ${where}`,
    values,
  )) as { total: number }[];
  const items = (await dataSource.query(
    `SELECT case_id AS "caseId", receipt_number AS "receiptNumber", town, matter_code AS "matterCode",
            matter_name AS "matterName", stage,
            committed_due_date::text AS "committedDueDate", due_date_provisional AS "dueDateProvisional",
            warning, result, on_time AS "onTime", matter_type_code AS "matterTypeCode"
       FROM routing.routed_cases WHERE ${where}
      ORDER BY concluded_at IS NOT NULL, committed_due_date NULLS LAST, routed_at
      LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
    [...values, query.pageSize, (query.page - 1) * query.pageSize],
  )) as (Omit<SupervisedCase, 'resultText'> & { matterTypeCode: string | null })[];
  return {
    total,
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

/** Each town of a county at a glance: open cases and their warnings, and how many ended on time. */
export async function townSummaries(dataSource: DataSource, county: string): Promise<TownSummary[]> {
  return (await dataSource.query(
    `SELECT town,
            count(*) FILTER (WHERE concluded_at IS NULL)::int AS "open",
            count(*) FILTER (WHERE concluded_at IS NULL AND warning = 'yellow')::int AS "yellow",
            count(*) FILTER (WHERE concluded_at IS NULL AND warning = 'red')::int AS "red",
            count(*) FILTER (WHERE warning = 'statutory')::int AS "statutory",
            count(*) FILTER (WHERE concluded_at IS NOT NULL)::int AS "concluded",
            count(*) FILTER (WHERE on_time IS NOT NULL AND result IS DISTINCT FROM '撤件')::int AS "timed",
            count(*) FILTER (WHERE on_time AND result IS DISTINCT FROM '撤件')::int AS "concludedOnTime"
       FROM routing.routed_cases WHERE county = $1 GROUP BY town ORDER BY town`,
    [county],
  )) as TownSummary[];
}
