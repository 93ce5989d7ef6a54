import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { handlingRuleText, type MatterGuide } from '@oneseal/domain';
import { DataSource } from 'typeorm';
import { CatalogueQueryError, CatalogueQueryErrorCode } from './catalogue.errors';
import type { ListMattersQuery } from './dto/list-matters.query';

export interface MatterSummary {
  code: string;
  name: string;
  level: 'town' | 'village';
  type: string;
  typeCode: string;
  handlingMode: string;
  note: string;
  unit: { code: string; name: string };
  caseKind: string;
  committedLimitWorkingDays: number;
}

export interface MatterDetail extends MatterSummary {
  countyCode: string;
  sourceRow: number;
  delegatingUnit: string | null;
  unitBasis: string;
  /** The handling mode's rule in words, which the guide's 办理流程 falls back on. */
  handlingRule: string | null;
  /** When the county's list stopped carrying the matter; null while it is offered. */
  withdrawnAt: Date | null;
  version: number;
  guide: MatterGuide;
}

const MATTER_COLUMNS = `
  m.code, m.name, m.level, m.type, m.type_code AS "typeCode", m.handling_mode AS "handlingMode", m.note,
  json_build_object('code', u.code, 'name', u.name) AS unit,
  v.guide->>'caseKind' AS "caseKind", (v.guide->>'committedLimitWorkingDays')::int AS "committedLimitWorkingDays"`;

const MATTER_JOINS = `
  FROM intake.matters m
  JOIN intake.county_units u ON u.code = m.unit_code
  JOIN intake.matter_versions v ON v.matter_code = m.code AND v.version = m.current_version`;

/** Reads the public catalogue: what can be applied for, where, and its guide. */
@Injectable()
export class CatalogueQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listMatters(
    query: ListMattersQuery,
  ): Promise<{ total: number; page: number; pageSize: number; items: MatterSummary[] }> {
    const county = query.town ? await this.countyOfTown(query.town) : query.county;
    if (query.county && county !== query.county)
      throw new CatalogueQueryError(CatalogueQueryErrorCode.TOWN_NOT_FOUND);
    if (county) await this.assertCounty(county);
    // A withdrawn matter is no longer offered; its cases still open it by code (getMatter).
    const conditions: string[] = ['m.withdrawn_at IS NULL'];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (county) where('m.county_code = ?', county);
    if (query.level) where('m.level = ?', query.level);
    if (query.type) where('m.type = ?', query.type);
    if (query.unit) where('m.unit_code = ?', query.unit);
    if (query.q) where(`m.name LIKE '%' || ? || '%'`, query.q.trim());
    const filter = `WHERE ${conditions.join(' AND ')}`;
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total ${MATTER_JOINS} ${filter}`,
      params,
    )) as [{ total: number }];
    const items = (await this.dataSource.query(
      `SELECT ${MATTER_COLUMNS} ${MATTER_JOINS} ${filter} ORDER BY m.level DESC, m.source_row LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    )) as MatterSummary[];
    return { total, page: query.page, pageSize: query.pageSize, items };
  }

  async getMatter(code: string): Promise<MatterDetail> {
    const [matter] = (await this.dataSource.query(
      `SELECT ${MATTER_COLUMNS}, m.county_code AS "countyCode", m.source_row AS "sourceRow", m.delegating_unit AS "delegatingUnit",
              m.unit_basis AS "unitBasis", m.withdrawn_at AS "withdrawnAt", m.current_version AS version, v.guide
       ${MATTER_JOINS} WHERE m.code = $1`,
      [code],
    )) as MatterDetail[];
    if (!matter) throw new CatalogueQueryError(CatalogueQueryErrorCode.MATTER_NOT_FOUND);
    return { ...matter, handlingRule: handlingRuleText(matter) ?? null };
  }

  private async countyOfTown(town: string): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT county_code AS county FROM intake.towns WHERE code = $1`,
      [town],
    )) as { county: string }[];
    if (!row) throw new CatalogueQueryError(CatalogueQueryErrorCode.TOWN_NOT_FOUND);
    return row.county;
  }

  private async assertCounty(county: string): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM intake.counties WHERE code = $1`, [
      county,
    ])) as unknown[];
    if (rows.length === 0) throw new CatalogueQueryError(CatalogueQueryErrorCode.COUNTY_NOT_FOUND);
  }
}
