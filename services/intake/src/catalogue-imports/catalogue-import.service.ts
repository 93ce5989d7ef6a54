import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import {
  canonicalJson,
  defaultGuide,
  ImportProblemCode,
  planCatalogueImport,
  townTwinOf,
  type CatalogueChange,
  type CatalogueImportPlan,
  type CatalogueRow,
  type CountyBureau,
  type CurrentMatter,
  type ImportProblem,
  type MatterListSheet,
  type PlannedMatter,
  researchFor,
  withResearchedContent,
} from '@oneseal/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { routeProblem } from '../catalogue/catalogue-seeder';
import { CatalogueQueryError, CatalogueQueryErrorCode } from '../catalogue/catalogue.errors';
import { SeedSources } from '../catalogue/seed-sources';
import { writeMatter } from '../catalogue/matter-writer';
import { CatalogueImportError, CatalogueImportErrorCode } from './catalogue-import.errors';

export type ImportState = 'preview' | 'published' | 'superseded';

/** What the administrator sees after an upload, and again when they come back to it. */
export interface CatalogueImportView {
  id: string;
  county: string;
  fileName: string;
  state: ImportState;
  uploadedByName: string | null;
  uploadedAt: Date;
  publishedByName: string | null;
  publishedAt: Date | null;
  problems: ImportProblem[];
  changes: CatalogueChange[];
  counts: Record<CatalogueChange['kind'], number>;
}

interface StoredPlan {
  matters: PlannedMatter[];
  problems: ImportProblem[];
  changes: CatalogueChange[];
}

const COUNTS = (changes: readonly CatalogueChange[]) => ({
  added: changes.filter((c) => c.kind === 'added').length,
  changed: changes.filter((c) => c.kind === 'changed').length,
  withdrawn: changes.filter((c) => c.kind === 'withdrawn').length,
  unchanged: changes.filter((c) => c.kind === 'unchanged').length,
});

/**
 * A county joins, or changes its list, without code: an upload is read and checked against the county's bureaus and
 * its current catalogue, and nothing but the upload itself is written until the administrator publishes exactly
 * what the preview showed.
 */
@Injectable()
export class CatalogueImportService {
  private sources?: {
    defaults: ReturnType<SeedSources['guideDefaults']>;
    forms: ReturnType<SeedSources['forms']>;
    research: ReturnType<SeedSources['guideResearch']>;
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seeds: SeedSources,
  ) {}

  async preview(user: AuthUser, county: string, sheet: MatterListSheet): Promise<CatalogueImportView> {
    assertReachesPlace(user, { county });
    return this.dataSource.transaction(async (manager) => {
      const countyRow = await this.county(manager, county, false);
      const current = await currentMatters(manager, county);
      const bureaus = await countyBureaus(manager, county);
      const plan = planCatalogueImport(sheet, { countyName: countyRow.name, bureaus, current });
      plan.problems.push(...this.routeProblems(plan));
      plan.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const id = randomUUID();
      const stored: StoredPlan = { matters: plan.matters, problems: plan.problems, changes: plan.changes };
      await manager.query(
        `INSERT INTO intake.catalogue_imports (id, county_code, file_name, state, plan, problem_count, catalogue_digest,
           uploaded_by, uploaded_by_name) VALUES ($1, $2, $3, 'preview', $4, $5, $6, $7, $8)`,
        [
          id,
          county,
          sheet.fileName.slice(0, 200),
          JSON.stringify(stored),
          plan.problems.length,
          digestOf(current),
          user.id,
          user.name,
        ],
      );
      return this.view(manager, id);
    });
  }

  async get(user: AuthUser, id: string): Promise<CatalogueImportView> {
    const view = await this.view(this.dataSource.manager, id);
    assertReachesPlace(user, { county: view.county });
    return view;
  }

  async list(user: AuthUser, county: string): Promise<Omit<CatalogueImportView, 'problems' | 'changes'>[]> {
    assertReachesPlace(user, { county });
    const rows = (await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM intake.catalogue_imports WHERE county_code = $1 ORDER BY uploaded_at DESC LIMIT 20`,
      [county],
    )) as StoredView[];
    return rows.map(viewOf).map(({ problems: _problems, changes: _changes, ...summary }) => summary);
  }

  /** Applies what the preview showed, or nothing: refused if the list has problems or the catalogue moved since. */
  async publish(user: AuthUser, id: string): Promise<CatalogueImportView> {
    return this.dataSource.transaction(async (manager) => {
      const [stored] = (await manager.query(
        `SELECT county_code AS county, state, plan, problem_count AS "problemCount", catalogue_digest AS digest,
                file_name AS "fileName"
           FROM intake.catalogue_imports WHERE id = $1 FOR UPDATE`,
        [id],
      )) as {
        county: string;
        state: ImportState;
        plan: StoredPlan;
        problemCount: number;
        digest: string;
        fileName: string;
      }[];
      if (!stored) throw new CatalogueImportError(CatalogueImportErrorCode.IMPORT_NOT_FOUND);
      assertReachesPlace(user, { county: stored.county });
      if (stored.state !== 'preview')
        throw new CatalogueImportError(CatalogueImportErrorCode.ALREADY_DECIDED);
      if (stored.problemCount > 0)
        throw new CatalogueImportError(CatalogueImportErrorCode.HAS_PROBLEMS, {
          problems: stored.problemCount,
        });
      // The county row is the catalogue's lock: two publishes of one county take turns.
      const county = await this.county(manager, stored.county, true);
      if (!county.matterPrefix) throw new CatalogueImportError(CatalogueImportErrorCode.NO_MATTER_PREFIX);
      if (digestOf(await currentMatters(manager, stored.county)) !== stored.digest)
        throw new CatalogueImportError(CatalogueImportErrorCode.CATALOGUE_CHANGED);

      const nextNumber = await nextMatterNumbers(manager, stored.county, county.matterPrefix);
      const { defaults, forms, research } = this.guideSources();
      const publishedOn = new Date().toISOString().slice(0, 10);
      const basis = `按事项清单「${stored.fileName}」指定（${user.name}于${publishedOn}发布）`;
      for (const planned of stored.plan.matters) {
        const code =
          planned.currentCode ??
          `${county.matterPrefix}-${planned.level === 'town' ? 'T' : 'V'}-${String(nextNumber[planned.level]++).padStart(3, '0')}`;
        const changed = (field: string) =>
          stored.plan.changes.find((c) => c.line === planned.line)?.fields.some((f) => f.field === field);
        const matter = asCatalogueRow(planned, code);
        // A matter the list continues keeps its guide (researched or confirmed) unless its type changed, which
        // changes what the guide must say (a statutory limit or none).
        const guide =
          !planned.currentCode || changed('事项类型')
            ? withResearchedContent(
                defaultGuide(matter, defaults, forms.forMatter(code)),
                researchFor(research, { code, level: planned.level, name: planned.name }),
              )
            : undefined;
        await writeMatter(manager, {
          county: stored.county,
          matter,
          unitCode: planned.unitCode,
          unitBasis: !planned.currentCode || changed('主管部门') ? basis : undefined,
          guide,
          reinstate: true,
        });
      }
      const withdrawn = stored.plan.changes.filter((c) => c.kind === 'withdrawn').map((c) => c.code);
      if (withdrawn.length > 0)
        await manager.query(
          `UPDATE intake.matters SET withdrawn_at = now(), withdrawn_by_import = $2 WHERE code = ANY($1) AND withdrawn_at IS NULL`,
          [withdrawn, id],
        );
      await manager.query(
        `UPDATE intake.catalogue_imports SET state = 'published', published_by = $2, published_by_name = $3, published_at = now()
          WHERE id = $1`,
        [id, user.id, user.name],
      );
      // Every other preview of this county was checked against the catalogue as it was: none may be published now.
      await manager.query(
        `UPDATE intake.catalogue_imports SET state = 'superseded' WHERE county_code = $1 AND state = 'preview'`,
        [stored.county],
      );
      return this.view(manager, id);
    });
  }

  /** A matter whose route would not fit its default guide gets no cases: named by row like any other problem. */
  private routeProblems(plan: CatalogueImportPlan): ImportProblem[] {
    const { defaults } = this.guideSources();
    const rows = plan.matters.map((matter, index) => asCatalogueRow(matter, `NEW-${index}`));
    return plan.matters.flatMap((matter, index) => {
      const row = rows[index];
      const problem = routeProblem(row, defaultGuide(row, defaults), townTwinOf(row, rows));
      return problem
        ? [
            {
              code: ImportProblemCode.UNROUTABLE,
              line: matter.line,
              column: '办理方式',
              message: `第 ${matter.line} 行：按此办理方式无法在承诺时限内办结（${problem}）`,
            },
          ]
        : [];
    });
  }

  /** The county defaults, forms and research a new matter's first guide is made of: read once, they never change. */
  private guideSources() {
    this.sources ??= {
      defaults: this.seeds.guideDefaults(),
      forms: this.seeds.forms(),
      research: this.seeds.guideResearch(),
    };
    return this.sources;
  }

  private async county(
    manager: EntityManager,
    code: string,
    lock: boolean,
  ): Promise<{ name: string; matterPrefix: string | null }> {
    const [county] = (await manager.query(
      `SELECT name, matter_prefix AS "matterPrefix" FROM intake.counties WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [code],
    )) as { name: string; matterPrefix: string | null }[];
    if (!county) throw new CatalogueQueryError(CatalogueQueryErrorCode.COUNTY_NOT_FOUND);
    return county;
  }

  private async view(manager: EntityManager, id: string): Promise<CatalogueImportView> {
    const [row] = (await manager.query(`SELECT ${VIEW_COLUMNS} FROM intake.catalogue_imports WHERE id = $1`, [
      id,
    ])) as StoredView[];
    if (!row) throw new CatalogueImportError(CatalogueImportErrorCode.IMPORT_NOT_FOUND);
    return viewOf(row);
  }
}

const VIEW_COLUMNS = `id, county_code AS county, file_name AS "fileName", state, plan,
  uploaded_by_name AS "uploadedByName", uploaded_at AS "uploadedAt",
  published_by_name AS "publishedByName", published_at AS "publishedAt"`;

type StoredView = Omit<CatalogueImportView, 'problems' | 'changes' | 'counts'> & { plan: StoredPlan };

function viewOf({ plan, ...rest }: StoredView): CatalogueImportView {
  return { ...rest, problems: plan.problems, changes: plan.changes, counts: COUNTS(plan.changes) };
}

function asCatalogueRow(matter: PlannedMatter, code: string): CatalogueRow {
  return {
    code,
    level: matter.level,
    row: matter.line - 1,
    name: matter.name,
    type: matter.type,
    typeCode: matter.typeCode,
    handlingMode: matter.handlingMode,
    note: matter.note,
    delegatingUnit: matter.delegatingUnit,
  };
}

async function currentMatters(manager: EntityManager, county: string): Promise<CurrentMatter[]> {
  return (await manager.query(
    `SELECT code, level, name, type, handling_mode AS "handlingMode", note, unit_code AS "unitCode",
            withdrawn_at IS NOT NULL AS withdrawn
       FROM intake.matters WHERE county_code = $1 ORDER BY code`,
    [county],
  )) as CurrentMatter[];
}

async function countyBureaus(manager: EntityManager, county: string): Promise<CountyBureau[]> {
  return (await manager.query(
    `SELECT code, name, full_name AS "fullName" FROM intake.county_units WHERE county_code = $1 ORDER BY name`,
    [county],
  )) as CountyBureau[];
}

/** What the preview was checked against: publishing refuses if any of it changed since. */
function digestOf(current: readonly CurrentMatter[]): string {
  return createHash('sha256').update(canonicalJson(current)).digest('hex');
}

/** The next free number per level: withdrawn matters keep theirs, so a code is never given twice. */
async function nextMatterNumbers(
  manager: EntityManager,
  county: string,
  prefix: string,
): Promise<Record<'town' | 'village', number>> {
  const rows = (await manager.query(
    `SELECT level, max(substring(code FROM '(\\d+)$')::int) AS last
       FROM intake.matters WHERE county_code = $1 AND code LIKE $2 || '-%' GROUP BY level`,
    [county, prefix],
  )) as { level: 'town' | 'village'; last: number }[];
  const last = (level: 'town' | 'village') => rows.find((row) => row.level === level)?.last ?? 0;
  return { town: last('town') + 1, village: last('village') + 1 };
}
