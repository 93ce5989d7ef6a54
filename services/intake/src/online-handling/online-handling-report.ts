import { ONLINE_CHANNELS } from '@oneseal/contracts';
import {
  isInformationService,
  onlineHandlingTargetsOf,
  FULLY_ONLINE_DEPTH,
  ONLINE_FILING_DEPTH,
} from '@oneseal/domain';
import type { DataSource } from 'typeorm';

/** 网上可办率 of one level of the catalogue: counted over 依申请 matters in force, not over cases. */
export interface MatterOnlineRate {
  level: 'town' | 'village';
  /** 依申请 matters in force at this level (咨询、查询、信息发布 are answered, not applied for). */
  matters: number;
  /** Of them, those that can be applied for online (网办深度 3 or 4). */
  online: number;
  /** Of them, 全程网办 (网办深度 4, GB/T 37277-2018 §3.3: applied for, handled and delivered online). */
  fullyOnline: number;
  rate: number | null;
  target: number | null;
  met: boolean | null;
}

/** 网上办件率 of a town over a period: counted over cases (applications filed), by the channel they came in. */
export interface TownOnlineCases {
  town: string;
  townName: string;
  received: number;
  online: number;
  rate: number | null;
}

export interface OnlineHandlingReport {
  matters: MatterOnlineRate[];
  /** Where the targets come from; null where the county's documents set none. */
  targetSource: string | null;
  towns: TownOnlineCases[];
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The two online-handling figures a county is judged on, kept apart because they count different things: the
 * share of its 依申请 matters that can be applied for online (what the plan sets targets for), and the share of a
 * period's applications that were filed online (what people actually did).
 */
export async function onlineHandlingReport(
  dataSource: DataSource,
  { county, from, to }: { county: string; from: string; to: string },
): Promise<OnlineHandlingReport> {
  const targets = onlineHandlingTargetsOf(county);
  const matters = (await dataSource.query(
    `SELECT m.level, m.name, (v.guide->>'onlineDepth')::int AS depth
       FROM intake.matters m
       JOIN intake.matter_versions v ON v.matter_code = m.code AND v.version = m.current_version
      WHERE m.county_code = $1 AND m.withdrawn_at IS NULL`,
    [county],
  )) as { level: 'town' | 'village'; name: string; depth: number }[];
  const rates = (['town', 'village'] as const).map((level): MatterOnlineRate => {
    const applied = matters.filter((matter) => matter.level === level && !isInformationService(matter.name));
    const online = applied.filter((matter) => matter.depth >= ONLINE_FILING_DEPTH).length;
    const rate = share(online, applied.length);
    const target = targets?.[level] ?? null;
    return {
      level,
      matters: applied.length,
      online,
      fullyOnline: applied.filter((matter) => matter.depth >= FULLY_ONLINE_DEPTH).length,
      rate,
      target,
      met: rate === null || target === null ? null : rate >= target,
    };
  });
  const towns = (await dataSource.query(
    `SELECT t.code AS town, t.name AS "townName",
            count(a.id)::int AS received,
            count(a.id) FILTER (WHERE a.channel = ANY($4::text[]))::int AS online
       FROM intake.towns t
       LEFT JOIN intake.applications a
              ON a.town = t.code AND a.county = $1
             AND a.submitted_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
             AND a.submitted_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
      WHERE t.county_code = $1
      GROUP BY t.code, t.name
      ORDER BY t.code`,
    [county, from, to, ONLINE_CHANNELS],
  )) as Omit<TownOnlineCases, 'rate'>[];
  return {
    matters: rates,
    targetSource: targets?.source ?? null,
    towns: towns.map((town) => ({ ...town, rate: share(town.online, town.received) })),
  };
}
