import type { DataSource } from 'typeorm';

/** 好差评 figures of one group of ratings (GB/T 39734: 好评 are 非常满意、满意、基本满意; 差评 不满意、非常不满意). */
export interface RatingFigures {
  rated: number;
  good: number;
  dissatisfied: number;
  /** 好评率. */
  goodRate: number | null;
  /** 差评 answered with their 整改 (整改率), 回访 done (回访率), and 整改 past its deadline unanswered. */
  answered: number;
  revisited: number;
  overdue: number;
  atCounter: number;
}

export interface RatingStats {
  towns: (RatingFigures & { town: string })[];
  matters: (RatingFigures & { matterCode: string; matterName: string | null })[];
  people: (RatingFigures & { servedBy: string; servedByName: string | null; town: string })[];
}

const FIGURES = `count(*)::int AS rated,
  count(*) FILTER (WHERE r.score >= 3)::int AS good,
  count(*) FILTER (WHERE r.score <= 2)::int AS dissatisfied,
  count(*) FILTER (WHERE r.score <= 2 AND r.response IS NOT NULL)::int AS answered,
  count(*) FILTER (WHERE r.score <= 2 AND r.revisited_at IS NOT NULL)::int AS revisited,
  count(*) FILTER (WHERE r.score <= 2 AND r.response IS NULL AND r.rectify_by < $4::date)::int AS overdue,
  count(*) FILTER (WHERE r.channel = 'window-pad')::int AS "atCounter"`;

/** How many matters and people a report lists: the most rated first. */
const LISTED = 50;

/**
 * 好差评 of a county (or one town) over a period (rated between the two dates, Beijing time): per town, per matter and
 * per person who served.
 */
export async function ratingStats(
  dataSource: DataSource,
  query: { county: string; town?: string; from: string; to: string },
  today: string,
): Promise<RatingStats> {
  const where = `r.county = $1 AND ($5::text IS NULL OR r.town = $5)
    AND r.rated_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
    AND r.rated_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const params = [query.county, query.from, query.to, today, query.town ?? null];
  const [towns, matters, people] = await Promise.all([
    dataSource.query(
      `SELECT r.town, ${FIGURES} FROM routing.service_ratings r WHERE ${where} GROUP BY r.town ORDER BY r.town`,
      params,
    ),
    dataSource.query(
      `SELECT c.matter_code AS "matterCode", max(c.matter_name) AS "matterName", ${FIGURES}
         FROM routing.service_ratings r JOIN routing.routed_cases c ON c.case_id = r.case_id
        WHERE ${where} GROUP BY c.matter_code ORDER BY rated DESC, c.matter_code LIMIT ${LISTED}`,
      params,
    ),
    dataSource.query(
      `SELECT r.served_by AS "servedBy", max(r.served_by_name) AS "servedByName", max(r.town) AS town, ${FIGURES}
         FROM routing.service_ratings r
        WHERE ${where} AND r.served_by IS NOT NULL
        GROUP BY r.served_by ORDER BY rated DESC, r.served_by LIMIT ${LISTED}`,
      params,
    ),
  ]);
  const withRate = <T extends Omit<RatingFigures, 'goodRate'>>(row: T) => ({
    ...row,
    goodRate: row.rated === 0 ? null : row.good / row.rated,
  });
  return {
    towns: (towns as (Omit<RatingFigures, 'goodRate'> & { town: string })[]).map(withRate),
    matters: (
      matters as (Omit<RatingFigures, 'goodRate'> & { matterCode: string; matterName: string | null })[]
    ).map(withRate),
    people: (
      people as (Omit<RatingFigures, 'goodRate'> & {
        servedBy: string;
        servedByName: string | null;
        town: string;
      })[]
    ).map(withRate),
  };
}
