import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { CatalogueQueryError } from '../src/catalogue/catalogue.errors';
import { CatalogueQueryService } from '../src/catalogue/catalogue-query.service';
import { PlaceNamesService } from '../src/catalogue/place-names.service';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { SeedSources } from '../src/catalogue/seed-sources';
import { ListMattersQuery } from '../src/catalogue/dto/list-matters.query';
import { INTAKE_SCHEMA } from '../src/config/intake.env';

const seeds = resolve(__dirname, '../../../seeds');

function query(fields: Partial<ListMattersQuery>): ListMattersQuery {
  return Object.assign(new ListMattersQuery(), fields);
}

describe('the reference data seed and the public catalogue (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let catalogue: CatalogueQueryService;
  const scratch: string[] = [];

  beforeAll(async () => {
    suite = await openSuiteDataSource('catalogue', { schema: INTAKE_SCHEMA, entities: [] });
    catalogue = new CatalogueQueryService(suite.dataSource);
  });

  afterAll(async () => {
    scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    await suite?.close();
  });

  /** A copy of seeds/ to change one file in. */
  function seedsCopy(change: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'oneseal-seeds-'));
    scratch.push(dir);
    cpSync(seeds, dir, { recursive: true });
    change(dir);
    return dir;
  }

  const count = async (table: string) =>
    ((await suite.dataSource.query(`SELECT count(*)::int AS n FROM intake.${table}`)) as [{ n: number }])[0]
      .n;

  it('seeds an empty database with both counties, their towns and villages, and the 143 matters', async () => {
    const summary = await seedCatalogue(suite.dataSource, new SeedSources(seeds));
    expect(summary).toEqual(
      expect.objectContaining({ counties: 2, towns: 28, villages: 643, matters: 143, newGuideVersions: 143 }),
    );
    expect(await count('matters')).toBe(143);
    expect(await count('towns')).toBe(28);
    const towns = (await suite.dataSource.query(
      `SELECT county_code AS county, count(*)::int AS n FROM intake.towns GROUP BY county_code ORDER BY county_code`,
    )) as { county: string; n: number }[];
    expect(towns).toEqual([
      { county: '140521', n: 12 },
      { county: '140525', n: 16 },
    ]);
  });

  it('changes nothing when run again', async () => {
    const before = await suite.dataSource.query(`SELECT code, xmin::text FROM intake.matters ORDER BY code`);
    const summary = await seedCatalogue(suite.dataSource, new SeedSources(seeds));
    expect(summary.changedRows).toBe(0);
    expect(summary.newGuideVersions).toBe(0);
    expect(await suite.dataSource.query(`SELECT code, xmin::text FROM intake.matters ORDER BY code`)).toEqual(
      before,
    );
  });

  it('records a changed guide as a new version and keeps the old one', async () => {
    const changed = seedsCopy((dir) => {
      const file = join(dir, 'catalogue/county-default-guide.json');
      const defaults = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...defaults, committedLimitWorkingDays: 8 }));
    });
    const summary = await seedCatalogue(suite.dataSource, new SeedSources(changed));
    expect(summary.newGuideVersions).toBeGreaterThan(0);
    const versions = (await suite.dataSource.query(
      `SELECT version, (guide->>'committedLimitWorkingDays')::int AS days FROM intake.matter_versions WHERE matter_code = 'ZZ-T-002' ORDER BY version`,
    )) as { version: number; days: number }[];
    expect(versions).toEqual([
      { version: 1, days: 10 },
      { version: 2, days: 8 },
    ]);
    expect((await catalogue.getMatter('ZZ-T-002')).version).toBe(2);
  });

  it('refuses a catalogue row with an unknown handling mode, naming it, and changes nothing', async () => {
    const broken = seedsCopy((dir) => {
      const file = join(dir, 'catalogue/zezhou-annex1-town-matters.tsv');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '2\t临时救助\t行政给付\t乡级负责受理、审核',
          '2\t临时救助\t行政给付\t乡级负责审批',
        ),
      );
    });
    const before = await suite.dataSource.query(
      `SELECT code, current_version FROM intake.matters ORDER BY code`,
    );
    await expect(seedCatalogue(suite.dataSource, new SeedSources(broken))).rejects.toThrow(
      '泽州县各镇第一批政务服务事项指导清单 第 2 行（序号 2）：不认识的办理方式「乡级负责审批」',
    );
    expect(
      await suite.dataSource.query(`SELECT code, current_version FROM intake.matters ORDER BY code`),
    ).toEqual(before);
  });

  it('finds matters by Chinese name, level, type and town, with their units', async () => {
    const relief = await catalogue.listMatters(query({ q: '临时救助', level: 'town' }));
    expect(relief.items.map((m) => [m.code, m.type, m.unit.name])).toEqual([
      ['ZZ-T-002', '行政给付', '县民政局'],
      ['ZZ-T-008', '公共服务', '县民政局'],
    ]);
    const inTown = await catalogue.listMatters(query({ town: '140525100', type: '行政给付', pageSize: 100 }));
    expect(inTown.total).toBeGreaterThan(0);
    expect(inTown.items.every((m) => m.type === '行政给付')).toBe(true);
    const village = await catalogue.listMatters(query({ level: 'village', pageSize: 100 }));
    expect(village.total).toBe(44);
    // A county bureau's own matters: what it may grant a town direct authority for.
    const civilAffairs = await catalogue.listMatters(
      query({ county: '140525', unit: '140525-mz', pageSize: 100 }),
    );
    expect(civilAffairs.total).toBeGreaterThan(0);
    expect(civilAffairs.items.every((m) => m.unit.code === '140525-mz')).toBe(true);
    expect(civilAffairs.items.map((m) => m.code)).toContain('ZZ-T-011');
    // 沁水县's documents give no matter list of its own yet: its towns are known, but offer nothing.
    expect((await catalogue.listMatters(query({ town: '140521100' }))).total).toBe(0);
  });

  it('answers an unknown town or matter with a clear error', async () => {
    await expect(catalogue.listMatters(query({ town: '140525999' }))).rejects.toEqual(
      expect.any(CatalogueQueryError),
    );
    await expect(catalogue.getMatter('ZZ-T-999')).rejects.toThrow('没有这个事项编码，请核对后重试');
    const guide = (await catalogue.getMatter('ZZ-T-021')).guide;
    // 就业政策法规咨询 is answered on the spot; its basis is cited from the law, never left to the county's say.
    expect(guide).toEqual(expect.objectContaining({ caseKind: '即办件', committedLimitWorkingDays: 0 }));
    expect(guide.legalBasis).toContain('《中华人民共和国就业促进法》');
    expect(guide.sources.legalBasis).toBe('public-source');
    expect(guide.sources.materials).toBe('county-default');
  });

  it('names every place and desk of a county, so no screen has to show a code', async () => {
    const places = await new PlaceNamesService(suite.dataSource).ofCounty('140525');
    expect(places.county).toEqual({ code: '140525', name: '泽州县' });
    expect(places.towns).toHaveLength(16);
    const nancun = places.towns.find((town) => town.code === '140525100');
    expect(nancun?.name).toBe('南村镇');
    expect(nancun?.villages).toContainEqual({ code: '140525100200', name: '南村村委会' });
    expect(places.bureaus).toContainEqual({ code: '140525-mz', name: '县民政局' });
    expect(places.units).toEqual(
      expect.objectContaining({
        '140525100-window': '南村镇便民服务中心综合受理窗口',
        '140525-mz': '县民政局',
        '140525-supervision': '泽州县电子监察',
      }),
    );
    // Every desk has a name: a code left as its own name would show up on a screen.
    expect(Object.entries(places.units).filter(([code, name]) => code === name)).toEqual([]);
    await expect(new PlaceNamesService(suite.dataSource).ofCounty('140599')).rejects.toEqual(
      expect.any(CatalogueQueryError),
    );
  });
});
