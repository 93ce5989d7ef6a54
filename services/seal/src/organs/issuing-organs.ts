import type { EntityManager } from 'typeorm';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import type { OrganSettings } from './organ-directory';

interface OrganRow {
  code: string;
  county: string;
  level: 'town' | 'county';
  name: string;
  number_pattern: string;
  review_organ: string;
  court: string;
}

const fromRow = (row: OrganRow): OrganSettings => ({
  code: row.code,
  county: row.county,
  level: row.level,
  name: row.name,
  numberPattern: row.number_pattern,
  reviewOrgan: row.review_organ,
  court: row.court,
});

/** Enters organs that are not registered yet; an organ already there keeps the settings it has. */
export async function registerOrgans(
  manager: EntityManager,
  organs: readonly OrganSettings[],
  actor: string,
): Promise<number> {
  let added = 0;
  for (const organ of organs) {
    const inserted = (await manager.query(
      `INSERT INTO seal.issuing_organs (code, county, level, name, number_pattern, review_organ, court, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [
        organ.code,
        organ.county,
        organ.level,
        organ.name,
        organ.numberPattern,
        organ.reviewOrgan,
        organ.court,
        actor,
      ],
    )) as unknown[];
    added += inserted.length;
  }
  return added;
}

export async function findOrgan(manager: EntityManager, code: string): Promise<OrganSettings | undefined> {
  const [row] = (await manager.query(`SELECT * FROM seal.issuing_organs WHERE code = $1`, [
    code,
  ])) as OrganRow[];
  return row ? fromRow(row) : undefined;
}

export async function organOrFail(manager: EntityManager, code: string): Promise<OrganSettings> {
  const organ = await findOrgan(manager, code);
  if (!organ) throw new SealError(SealErrorCode.UNKNOWN_ORGAN, undefined, { organ: code });
  return organ;
}

export async function listOrgans(manager: EntityManager, county: string): Promise<OrganSettings[]> {
  const rows = (await manager.query(
    `SELECT * FROM seal.issuing_organs WHERE county = $1 ORDER BY level DESC, code`,
    [county],
  )) as OrganRow[];
  return rows.map(fromRow);
}

export async function updateOrganSettings(
  manager: EntityManager,
  code: string,
  changes: Partial<Pick<OrganSettings, 'numberPattern' | 'reviewOrgan' | 'court'>>,
  actor: string,
): Promise<OrganSettings> {
  return manager.transaction(async (inTransaction) => {
    const [locked] = (await inTransaction.query(
      `SELECT * FROM seal.issuing_organs WHERE code = $1 FOR UPDATE`,
      [code],
    )) as OrganRow[];
    if (!locked) throw new SealError(SealErrorCode.UNKNOWN_ORGAN, undefined, { organ: code });
    const current = fromRow(locked);
    const next = { ...current, ...changes };
    const settings = (organ: OrganSettings) => ({
      numberPattern: organ.numberPattern,
      reviewOrgan: organ.reviewOrgan,
      court: organ.court,
    });
    await inTransaction.query(
      `UPDATE seal.issuing_organs SET number_pattern = $2, review_organ = $3, court = $4, updated_by = $5,
              updated_at = now() WHERE code = $1`,
      [code, next.numberPattern, next.reviewOrgan, next.court, actor],
    );
    await inTransaction.query(
      `INSERT INTO seal.organ_setting_changes (organ, changed_by, before, after) VALUES ($1, $2, $3, $4)`,
      [code, actor, JSON.stringify(settings(current)), JSON.stringify(settings(next))],
    );
    return next;
  });
}

export interface OrganSettingChange {
  seq: string;
  changedBy: string;
  changedAt: Date;
  before: Pick<OrganSettings, 'numberPattern' | 'reviewOrgan' | 'court'>;
  after: Pick<OrganSettings, 'numberPattern' | 'reviewOrgan' | 'court'>;
}

/** Every change of an organ's settings, oldest first. */
export async function organSettingChanges(
  manager: EntityManager,
  code: string,
): Promise<OrganSettingChange[]> {
  return (await manager.query(
    `SELECT seq, changed_by AS "changedBy", changed_at AS "changedAt", before, after
       FROM seal.organ_setting_changes WHERE organ = $1 ORDER BY seq`,
    [code],
  )) as OrganSettingChange[];
}
