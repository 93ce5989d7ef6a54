import {
  countyUnitCode,
  defaultGuide,
  deriveRoute,
  isInformationService,
  loadZezhouCatalogue,
  routeBudgetProblem,
  townTwinOf,
  type CatalogueRow,
  type MatterGuide,
  type StepBudgets,
  withResearchedContent,
} from '@oneseal/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { writeMatter } from './matter-writer';
import { SEEDED_COUNTIES, type SeedSources } from './seed-sources';

export interface SeedSummary {
  counties: number;
  towns: number;
  villages: number;
  units: number;
  matters: number;
  /** Rows inserted or updated; 0 when the database already matched the sources. */
  changedRows: number;
  newGuideVersions: number;
}

/**
 * Why a matter's route would not fit its guide (its steps after 受理 spending more than the committed limit), or
 * undefined: derived for a town and, for a village matter, a village station, as a case of it would be.
 */
export function routeProblem(
  matter: CatalogueRow,
  guide: Pick<MatterGuide, 'caseKind' | 'committedLimitWorkingDays'>,
  twin?: Pick<CatalogueRow, 'code' | 'handlingMode' | 'delegatingUnit'>,
  budgets?: StepBudgets,
): string | undefined {
  const committedLimitWorkingDays = guide.committedLimitWorkingDays;
  try {
    const plan = deriveRoute(matter, {
      town: SAMPLE_TOWN,
      ...(matter.level === 'village' ? { village: `${SAMPLE_TOWN}001` } : {}),
      countyUnitCode: 'sample-unit',
      committedLimitWorkingDays,
      caseKind: guide.caseKind,
      informationOnly: isInformationService(matter.name),
      ...(twin
        ? {
            townTwin: {
              code: twin.code,
              handlingMode: twin.handlingMode,
              delegatingUnit: twin.delegatingUnit,
              countyUnitCode: 'sample-unit',
            },
          }
        : {}),
      ...(budgets ? { budgets } : {}),
    });
    return routeBudgetProblem(plan, committedLimitWorkingDays);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Any town: a route's shape and budgets do not depend on which. */
const SAMPLE_TOWN = '140525100';

/**
 * Loads the reference data into intake's schema in one transaction. Idempotent: running it again changes nothing
 * unless the sources changed, and a changed guide becomes a new version instead of overwriting the old one.
 */
export async function seedCatalogue(dataSource: DataSource, sources: SeedSources): Promise<SeedSummary> {
  // Parse everything first: a table that cannot be routed refuses the whole seed before anything is written.
  const catalogue = loadZezhouCatalogue((file) => sources.catalogueFile(file));
  const units = sources.countyUnits();
  const matterUnits = sources.matterUnits();
  const defaults = sources.guideDefaults();
  const forms = sources.forms();
  const research = sources.guideResearch();
  const unassigned = catalogue.filter((matter) => !matterUnits.has(matter.code));
  if (unassigned.length > 0)
    throw new Error(`matter-units.tsv assigns no unit to ${unassigned.map((m) => m.code).join(', ')}`);
  const unroutable = catalogue
    .map((matter) =>
      routeProblem(
        matter,
        defaultGuide(matter, defaults, forms.forMatter(matter.code)),
        townTwinOf(matter, catalogue),
      ),
    )
    .filter((problem): problem is string => problem !== undefined);
  if (unroutable.length > 0) throw new Error(`routes that do not fit: ${unroutable.join('; ')}`);

  return dataSource.transaction(async (manager) => {
    const summary: SeedSummary = {
      counties: 0,
      towns: 0,
      villages: 0,
      units: 0,
      matters: 0,
      changedRows: 0,
      newGuideVersions: 0,
    };
    const count = (rows: unknown) => (summary.changedRows += Array.isArray(rows) ? rows.length : 0);
    for (const { code, matterPrefix, seedsCatalogue } of SEEDED_COUNTIES) {
      const divisions = sources.divisions(code);
      count(
        await manager.query(
          `INSERT INTO intake.counties (code, name, matter_prefix, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, matter_prefix = EXCLUDED.matter_prefix, source = EXCLUDED.source
         WHERE (counties.name, counties.matter_prefix, counties.source) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.matter_prefix, EXCLUDED.source)
         RETURNING 1`,
          [code, divisions.county.name, matterPrefix, divisions.source],
        ),
      );
      summary.counties += 1;
      for (const town of divisions.towns) {
        count(await upsertNamed(manager, 'towns', 'county_code', [town.code, code, town.name]));
        summary.towns += 1;
        for (const village of town.villages) {
          count(await upsertNamed(manager, 'villages', 'town_code', [village.code, town.code, village.name]));
          summary.villages += 1;
        }
      }
      for (const unit of units) {
        count(
          await manager.query(
            // A bureau the county has edited is the county's: the seed leaves it as the county set it.
            `INSERT INTO intake.county_units (code, county_code, name, full_name, number_prefix)
             VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, full_name = EXCLUDED.full_name,
             number_prefix = EXCLUDED.number_prefix
           WHERE county_units.edited_at IS NULL AND (county_units.name, county_units.full_name, county_units.number_prefix)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.full_name, EXCLUDED.number_prefix)
           RETURNING 1`,
            [countyUnitCode(code, unit.slug), code, unit.name, unit.fullName, unit.numberPrefix],
          ),
        );
        summary.units += 1;
      }
      // Once the county's administrator has published a list of its own, the catalogue is the county's: the seed
      // data keeps its places and bureaus in step but never rewrites its matters.
      if (!seedsCatalogue || (await hasImportedCatalogue(manager, code))) continue;
      for (const matter of catalogue.filter((m) => m.code.startsWith(`${matterPrefix}-`))) {
        const assignment = matterUnits.get(matter.code);
        if (!assignment) continue;
        const result = await writeMatter(manager, {
          county: code,
          matter,
          unitCode: countyUnitCode(code, assignment.unit),
          unitBasis: assignment.basis,
          guide: withResearchedContent(
            defaultGuide(matter, defaults, forms.forMatter(matter.code)),
            research.byCode.get(matter.code),
          ),
        });
        summary.matters += 1;
        summary.changedRows += result.changedRows;
        if (result.newVersion) summary.newGuideVersions += 1;
      }
    }
    return summary;
  });
}

async function upsertNamed(
  manager: EntityManager,
  table: 'towns' | 'villages',
  parent: string,
  values: string[],
): Promise<unknown> {
  return manager.query(
    `INSERT INTO intake.${table} (code, ${parent}, name) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET ${parent} = EXCLUDED.${parent}, name = EXCLUDED.name
     WHERE (${table}.${parent}, ${table}.name) IS DISTINCT FROM (EXCLUDED.${parent}, EXCLUDED.name)
     RETURNING 1`,
    values,
  );
}

async function hasImportedCatalogue(manager: EntityManager, county: string): Promise<boolean> {
  const rows = (await manager.query(
    `SELECT 1 FROM intake.catalogue_imports WHERE county_code = $1 AND state = 'published' LIMIT 1`,
    [county],
  )) as unknown[];
  return rows.length > 0;
}
