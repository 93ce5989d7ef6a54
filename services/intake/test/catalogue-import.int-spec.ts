import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuthUser } from '@oneseal/auth';
import { openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import ExcelJS from 'exceljs';
import { CatalogueQueryService } from '../src/catalogue/catalogue-query.service';
import { seedCatalogue } from '../src/catalogue/catalogue-seeder';
import { MatterOfferingService } from '../src/catalogue/matter-offering.service';
import { SeedSources } from '../src/catalogue/seed-sources';
import { CatalogueImportService } from '../src/catalogue-imports/catalogue-import.service';
import { readMatterListFile } from '../src/catalogue-imports/matter-list-file';
import { INTAKE_SCHEMA } from '../src/config/intake.env';

const seeds = resolve(__dirname, '../../../seeds');
const qinshuiAdmin: AuthUser = {
  id: 'qs-admin',
  name: '沁水县审批局管理员',
  roles: ['admin'],
  county: '140521',
};
const zezhouAdmin: AuthUser = {
  id: 'zz-admin',
  name: '泽州县审批局管理员',
  roles: ['admin'],
  county: '140525',
};
const starter = readFileSync(resolve(seeds, 'catalogue/qinshui-starter-list.tsv'));

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('事项清单');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a county imports its matter list (real PostgreSQL)', () => {
  let suite: SuiteDataSource;
  let imports: CatalogueImportService;
  let catalogue: CatalogueQueryService;
  let offering: MatterOfferingService;

  beforeAll(async () => {
    suite = await openSuiteDataSource('intake_catalogue_import', { schema: INTAKE_SCHEMA, entities: [] });
    await seedCatalogue(suite.dataSource, new SeedSources(seeds));
    imports = new CatalogueImportService(suite.dataSource, new SeedSources(seeds));
    catalogue = new CatalogueQueryService(suite.dataSource);
    offering = new MatterOfferingService(suite.dataSource);
  });

  afterAll(async () => {
    await suite?.close();
  });

  const matterCount = async () =>
    (await catalogue.listMatters({ county: '140521', page: 1, pageSize: 1 } as never)).total;

  it('previews a starter list with a broken row, names the row, and writes nothing to the catalogue', async () => {
    const broken = starter
      .toString('utf8')
      .replace('镇级\t2\t临时救助\t行政给付', '镇级\t2\t临时救助\t行政服务');
    const preview = await imports.preview(
      qinshuiAdmin,
      '140521',
      await readMatterListFile('沁水县起始清单.tsv', Buffer.from(broken)),
    );
    expect(preview.problems.map((p) => [p.line, p.code])).toEqual([[3, 'IMPORT.UNKNOWN_TYPE']]);
    expect(preview.problems[0].message).toContain('第 3 行：不认识的事项类型「行政服务」');
    expect(await matterCount()).toBe(0);
    expect(await refusal(imports.publish(qinshuiAdmin, preview.id))).toBe('CATALOGUE_IMPORT.HAS_PROBLEMS');
    expect(await matterCount()).toBe(0);
  });

  it('publishes the fixed list: 143 matters with their bureaus, filed in any of the 12 towns', async () => {
    const preview = await imports.preview(
      qinshuiAdmin,
      '140521',
      await readMatterListFile('沁水县起始清单.tsv', starter),
    );
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ added: 143, changed: 0, withdrawn: 0, unchanged: 0 });
    expect(await refusal(imports.publish(zezhouAdmin, preview.id))).toBe('AUTH.OUT_OF_SCOPE');
    await imports.publish(qinshuiAdmin, preview.id);
    expect(await refusal(imports.publish(qinshuiAdmin, preview.id))).toBe('CATALOGUE_IMPORT.ALREADY_DECIDED');
    expect(await matterCount()).toBe(143);
    const relief = await catalogue.getMatter('QS-T-002');
    expect(relief).toMatchObject({
      name: '临时救助',
      type: '行政给付',
      unit: { code: '140521-mz', name: '县民政局' },
    });
    expect(relief.unitBasis).toContain('按事项清单「沁水县起始清单.tsv」指定');
    expect(relief.guide.sources.materials).toBe('county-default');
    const offered = await offering.check({
      county: '140521',
      town: '140521100',
      matterCode: 'QS-T-002',
      channel: 'town-window',
    } as never);
    expect(offered).toMatchObject({ code: 'QS-T-002', unitCode: '140521-mz' });
  });

  it('shows a later xlsx list’s differences before applying them; a withdrawn matter keeps its code and is no longer offered', async () => {
    const [header, ...rows] = starter
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const later = rows
      .filter((row) => row[2] !== '老年人高龄补贴发放')
      .map((row) =>
        row[2] === '失业登记' ? [...row.slice(0, 4), '乡级负责受理、审核', ...row.slice(5)] : row,
      );
    later.push(['镇级', '200', '个体工商户登记', '行政许可', '乡级负责受理', '', '县市场监管局']);
    const preview = await imports.preview(
      qinshuiAdmin,
      '140521',
      await readMatterListFile('沁水县事项清单（第二版）.xlsx', await workbook([header, ...later])),
    );
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ added: 1, changed: 1, withdrawn: 1, unchanged: 141 });
    expect(
      preview.changes.filter((c) => c.kind !== 'unchanged').map((c) => [c.kind, c.name, c.fields]),
    ).toEqual([
      ['changed', '失业登记', [{ field: '办理方式', before: '乡级负责受理', after: '乡级负责受理、审核' }]],
      ['added', '个体工商户登记', []],
      ['withdrawn', '老年人高龄补贴发放', []],
    ]);
    // Nothing applied yet.
    expect((await catalogue.getMatter('QS-T-001')).withdrawnAt).toBeNull();

    await imports.publish(qinshuiAdmin, preview.id);
    expect((await catalogue.getMatter('QS-T-001')).withdrawnAt).not.toBeNull();
    expect(
      await refusal(
        offering.check({
          county: '140521',
          town: '140521100',
          matterCode: 'QS-T-001',
          channel: 'town-window',
        } as never),
      ),
    ).toBe('INTAKE.MATTER_WITHDRAWN');
    const licence = (
      await catalogue.listMatters({ county: '140521', q: '个体工商户', page: 1, pageSize: 5 } as never)
    ).items[0];
    expect(licence).toMatchObject({
      code: 'QS-T-100',
      type: '行政许可',
      typeCode: '01',
      unit: { name: '县市场监管局' },
    });
    expect(await matterCount()).toBe(143);
  });

  it('refuses to publish a preview another publish has overtaken (it was checked against the catalogue before)', async () => {
    const first = await imports.preview(qinshuiAdmin, '140521', await readMatterListFile('甲.tsv', starter));
    const second = await imports.preview(qinshuiAdmin, '140521', await readMatterListFile('乙.tsv', starter));
    await imports.publish(qinshuiAdmin, second.id);
    expect(await refusal(imports.publish(qinshuiAdmin, first.id))).toBe('CATALOGUE_IMPORT.ALREADY_DECIDED');
    // The starter list again restores 老年人高龄补贴发放 under its old code.
    expect((await catalogue.getMatter('QS-T-001')).withdrawnAt).toBeNull();
  });

  it('names an unreadable or unsupported file instead of guessing', async () => {
    expect(await refusal(readMatterListFile('清单.xls', starter))).toBe(
      'CATALOGUE_IMPORT.FILE_TYPE_UNSUPPORTED',
    );
    expect(await refusal(readMatterListFile('清单.xlsx', starter))).toBe('CATALOGUE_IMPORT.FILE_UNREADABLE');
  });

  it('keeps the guides of the matters a list continues: 泽州县 publishing the same 143 matters changes no guide', async () => {
    const before = await catalogue.getMatter('ZZ-T-002');
    expect(before.guide.content?.legalBasis.length).toBeGreaterThan(0);
    const preview = await imports.preview(
      zezhouAdmin,
      '140525',
      await readMatterListFile('泽州县事项清单.tsv', starter),
    );
    expect(preview.problems).toEqual([]);
    // The starter leaves out 泽州县's 直接赋权 notes (21 rows of annex 1): those matters change only there.
    expect(preview.counts).toEqual({ added: 0, changed: 21, withdrawn: 0, unchanged: 122 });
    expect(
      new Set(
        preview.changes.filter((c) => c.kind === 'changed').flatMap((c) => c.fields.map((f) => f.field)),
      ),
    ).toEqual(new Set(['备注']));
    await imports.publish(zezhouAdmin, preview.id);
    const after = await catalogue.getMatter('ZZ-T-002');
    expect(after.version).toBe(before.version);
    expect(after.guide).toEqual(before.guide);
  });

  it('leaves an imported catalogue alone when the seed data runs again', async () => {
    await seedCatalogue(suite.dataSource, new SeedSources(seeds));
    expect(await matterCount()).toBe(143);
  });
});
