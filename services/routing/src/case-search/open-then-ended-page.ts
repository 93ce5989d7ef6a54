import type { DataSource } from 'typeorm';

/** How open cases are ordered: each key an expression over routing.routed_cases, ascending (nulls last) or not. */
export type OpenOrder = readonly { expression: string; descending?: boolean }[];

/**
 * One page of a case list: open cases first in `openOrder`, then ended ones, the latest ended first. Each part is read
 * from its own index (open cases by place and date, ended ones newest first) and only as far as the page reaches, so
 * a page costs the same with a hundred cases or a million behind it. `where` and its `values` narrow both parts.
 */
export async function openThenEndedPage<Row>(
  dataSource: DataSource,
  page: {
    columns: string;
    where: string;
    /** The same cases as `where` for the open part, written for it (see NameIndexUse); `where` by default. */
    openWhere?: string;
    /**
     * 'sort': the ended cases `where` selects are few (a typed name matched at most MATCHES_COUNTED_AT_MOST): they are
     * found through the name index and sorted, instead of reading the county's ended cases newest first until enough
     * match — for a rare name that read a hundred thousand cases (1.7 s at a million; 9 ms sorted).
     */
    endedOrder?: 'newest-first-index' | 'sort';
    values: readonly unknown[];
    openOrder: OpenOrder;
  },
  paging: { page: number; pageSize: number },
): Promise<Row[]> {
  const keys = page.openOrder.map(({ expression, descending }, index) => ({
    expression,
    descending,
    alias: `open_key_${index}`,
  }));
  const inner = keys
    .map(({ expression, descending }) => `${expression} ${descending ? 'DESC' : 'NULLS LAST'}`)
    .join(', ');
  const outer = keys
    .map(({ alias, descending }) => `CASE WHEN part = 0 THEN ${alias} END ${descending ? 'DESC' : ''}`)
    .join(', ');
  // The page is chosen by keys alone and only its rows are read whole: a deep page (OFFSET 50,000 in 监察's county
  // list) no longer lays out every row it passes.
  const keyColumns = `case_id, ${keys.map(({ expression, alias }) => `${expression} AS ${alias}`).join(', ')},
    concluded_at AS ended_key`;
  // Ended cases are ordered by their end alone: their open keys are left empty (typed as the open part's), so a list
  // narrowed by the day filed orders them from routed_cases_by_town_day_filed_with_stage without reading the table.
  const endedKeyColumns = `case_id, ${keys
    .map(({ expression, alias }) => `CASE WHEN false THEN ${expression} END AS ${alias}`)
    .join(', ')}, concluded_at AS ended_key`;
  const reach = page.values.length + 1;
  // The same order, written as one the newest-first index cannot give: PostgreSQL then sorts what the other indexes find.
  const endedKey = page.endedOrder === 'sort' ? `(concluded_at + interval '0 seconds')` : 'concluded_at';
  // The case id last: rows of one instant come in the same order on every page.
  const order = `part, ${outer}, ended_key DESC, case_id`;
  const rows = (await dataSource.query(
    `WITH chosen AS (
       SELECT * FROM (
         (SELECT ${keyColumns}, 0 AS part FROM routing.routed_cases
           WHERE ${page.openWhere ?? page.where} AND concluded_at IS NULL
           ORDER BY ${inner}, case_id LIMIT $${reach})
         UNION ALL
         (SELECT ${endedKeyColumns}, 1 AS part FROM routing.routed_cases WHERE ${page.where} AND concluded_at IS NOT NULL
           ORDER BY ${endedKey} DESC, case_id LIMIT $${reach})
       ) cases
       ORDER BY ${order}
       LIMIT $${reach + 1} OFFSET $${reach + 2})
     SELECT ${page.columns}, chosen.part, ${keys.map(({ alias }) => `chosen.${alias}`).join(', ')}, chosen.ended_key
       FROM chosen JOIN routing.routed_cases USING (case_id)
      ORDER BY ${order}`,
    [...page.values, paging.page * paging.pageSize, paging.pageSize, (paging.page - 1) * paging.pageSize],
  )) as Record<string, unknown>[];
  // The sort keys were for the query only.
  return rows.map((row) => {
    const answer: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(row))
      if (name !== 'part' && name !== 'ended_key' && !name.startsWith('open_key_')) answer[name] = value;
    return answer as Row;
  });
}
