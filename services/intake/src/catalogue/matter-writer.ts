import { canonicalJson, type CatalogueRow, type MatterGuide } from '@oneseal/domain';
import type { EntityManager } from 'typeorm';

export interface MatterToWrite {
  county: string;
  matter: CatalogueRow;
  unitCode: string;
  /** Why the matter belongs to its bureau; undefined keeps what the matter already says. */
  unitBasis: string | undefined;
  /** The guide the matter should have; undefined keeps an existing matter's current version. */
  guide: MatterGuide | undefined;
  /** A list that names a withdrawn matter again restores it. */
  reinstate?: boolean;
}

/**
 * Writes one matter of a catalogue (seeded or imported). Says how many rows it changed and whether it recorded a
 * new guide version: a changed guide is a new version, never an overwrite, and a guide the county's administrator
 * published is the county's word, which neither the seed data nor an import overwrites.
 */
export async function writeMatter(
  manager: EntityManager,
  { county, matter, unitCode, unitBasis, guide, reinstate }: MatterToWrite,
): Promise<{ changedRows: number; newVersion: boolean }> {
  const [current] = (await manager.query(
    `SELECT m.current_version AS version, v.guide, v.published_by IS NOT NULL AS "byAdministrator", m.unit_basis AS "unitBasis"
       FROM intake.matters m
       JOIN intake.matter_versions v ON v.matter_code = m.code AND v.version = m.current_version
      WHERE m.code = $1 FOR UPDATE OF m`,
    [matter.code],
  )) as { version: number; guide: object; byAdministrator: boolean; unitBasis: string }[];
  if (!current && !guide) throw new Error(`matter ${matter.code} is new and needs a guide`);
  const guideChanged =
    !!guide &&
    (!current || (!current.byAdministrator && canonicalJson(current.guide) !== canonicalJson(guide)));
  const version = guideChanged ? (current?.version ?? 0) + 1 : current.version;
  const fields = [
    matter.code,
    county,
    matter.level,
    matter.row,
    matter.name,
    matter.type,
    matter.typeCode,
    matter.handlingMode,
    matter.note,
    matter.delegatingUnit ?? null,
    unitCode,
    unitBasis ?? current?.unitBasis ?? '',
  ];
  let changedRows = 0;
  if (!current) {
    changedRows += 1;
    await manager.query(
      `INSERT INTO intake.matters (code, county_code, level, source_row, name, type, type_code, handling_mode, note,
         delegating_unit, unit_code, unit_basis, current_version) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12, 0)`,
      fields,
    );
  } else {
    const [, updated] = (await manager.query(
      `UPDATE intake.matters SET county_code=$2, level=$3, source_row=$4, name=$5, type=$6, type_code=$7, handling_mode=$8,
         note=$9, delegating_unit=$10, unit_code=$11, unit_basis=$12
       WHERE code = $1 AND (county_code, level, source_row, name, type, type_code, handling_mode, note, delegating_unit, unit_code, unit_basis)
         IS DISTINCT FROM ($2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      fields,
    )) as [unknown, number];
    changedRows += updated;
  }
  if (reinstate) {
    const [, restored] = (await manager.query(
      `UPDATE intake.matters SET withdrawn_at = NULL, withdrawn_by_import = NULL, reinstated_at = now()
        WHERE code = $1 AND withdrawn_at IS NOT NULL`,
      [matter.code],
    )) as [unknown, number];
    changedRows += restored;
  }
  if (!guideChanged) return { changedRows, newVersion: false };
  await manager.query(
    `INSERT INTO intake.matter_versions (matter_code, version, guide) VALUES ($1, $2, $3)`,
    [matter.code, version, JSON.stringify(guide)],
  );
  await manager.query(`UPDATE intake.matters SET current_version = $2 WHERE code = $1`, [
    matter.code,
    version,
  ]);
  return { changedRows: changedRows + 1, newVersion: true };
}
