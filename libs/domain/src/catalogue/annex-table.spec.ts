import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAnnexTable } from './annex-table';
import { CatalogueError, CatalogueErrorCode } from './catalogue-error';
import { loadZezhouCatalogue } from './seeded-catalogue';

const root = resolve(__dirname, '../../../..');
const seeds = join(root, 'seeds/catalogue');
const catalogue = loadZezhouCatalogue((file) => readFileSync(join(seeds, file), 'utf8'));
const town = catalogue.filter((matter) => matter.level === 'town');
const village = catalogue.filter((matter) => matter.level === 'village');

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  return items.reduce<Record<string, number>>(
    (counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }),
    {},
  );
}

describe('the seeded Zezhou catalogue', () => {
  it('has the 99 town matters and 44 village matters, each with its own code', () => {
    expect(town).toHaveLength(99);
    expect(village).toHaveLength(44);
    expect(new Set(catalogue.map((matter) => matter.code)).size).toBe(143);
    expect(town[0]).toEqual(
      expect.objectContaining({
        code: 'ZZ-T-001',
        name: '老年人高龄补贴发放',
        type: '公共服务',
        typeCode: '20',
      }),
    );
    expect(village[43]).toEqual(
      expect.objectContaining({ code: 'ZZ-V-044', name: '贫困户危房、旧房加固维修', typeCode: '10' }),
    );
  });

  it('keeps matters that share a name apart: 临时救助 is town rows 2 and 8', () => {
    const relief = town.filter((matter) => matter.name === '临时救助');
    expect(relief.map((matter) => [matter.code, matter.type, matter.handlingMode])).toEqual([
      ['ZZ-T-002', '行政给付', '乡级负责受理、审核'],
      ['ZZ-T-008', '公共服务', '乡级负责受理'],
    ]);
  });

  it('has the handling modes and delegations the documents describe', () => {
    expect(countBy(town, (matter) => matter.handlingMode)).toEqual({
      乡级负责受理: 61,
      '': 24,
      乡级负责复核: 4,
      乡级负责审核: 3,
      '乡级负责受理、初审': 3,
      '乡级负责受理、审核': 2,
      乡级负责初审: 2,
    });
    expect(countBy(village, (matter) => matter.handlingMode)).toEqual({ 初审或帮办代办: 43, 接受申请: 1 });
    expect(
      countBy(
        town.filter((matter) => matter.delegatingUnit),
        (matter) => matter.delegatingUnit ?? '',
      ),
    ).toEqual({
      县人社局: 12,
      县林业局: 3,
      县住建局: 1,
      县卫体局: 1,
      县医保局: 3,
      县行政审批局: 1,
    });
  });
});

// The source document lives in the project's shared folder beside the repository (as on CI and every developer
// machine); a bare clone without it cannot run this comparison, and says so instead of passing silently.
const sourceDocument = resolve(root, '../shared/seeds/zezhou-township-one-seal-plan-2022.txt');
const describeWithSource = existsSync(sourceDocument) ? describe : describe.skip;

describeWithSource('the seeds equal the source document row for row', () => {
  it('every annex row of the plan is a seeded matter with the same name, type, mode and note', () => {
    const rows = readFileSync(sourceDocument, 'utf8')
      .split('\n')
      .filter((line) => /^\d+\t/.test(line))
      .map((line) => line.split('\t').map((cell) => cell.trim()));
    const townRows = rows.slice(0, 99);
    const villageRows = rows.slice(99);
    expect(villageRows).toHaveLength(44);
    expect(town.map((m) => [String(m.row), m.name, m.type, m.handlingMode, m.note])).toEqual(
      townRows.map(([row, name, type, mode = '', note = '']) => [row, name, type, mode, note]),
    );
    expect(village.map((m) => [String(m.row), m.name, m.type, m.handlingMode])).toEqual(
      villageRows.map(([row, name, type, mode]) => [row, name, type, mode]),
    );
  });
});

describe('parseAnnexTable refuses what it cannot route', () => {
  const header = '序号\t进驻事项名称\t事项类型\t办理方式\t备注';

  function refusal(text: string): CatalogueError {
    try {
      parseAnnexTable({ countyPrefix: 'ZZ', level: 'town', name: '附件1', text });
    } catch (error) {
      if (error instanceof CatalogueError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('names the row of an unknown handling mode', () => {
    const error = refusal(
      `${header}\n1\t甲事项\t公共服务\t乡级负责受理\t\n2\t乙事项\t公共服务\t乡级负责审批\t`,
    );
    expect(error.code).toBe(CatalogueErrorCode.UNKNOWN_HANDLING_MODE);
    expect(error.message).toBe(
      '附件1 第 2 行（序号 2）：不认识的办理方式「乡级负责审批」，请先为它确定办理路径',
    );
  });

  it('names the row of an unknown type, an unknown note, and a broken numbering', () => {
    expect(refusal(`${header}\n1\t甲事项\t行政服务\t\t`).code).toBe(CatalogueErrorCode.UNKNOWN_MATTER_TYPE);
    expect(refusal(`${header}\n1\t甲事项\t公共服务\t\t请尽快办理`).code).toBe(
      CatalogueErrorCode.UNKNOWN_DELEGATION_NOTE,
    );
    expect(refusal(`${header}\n2\t甲事项\t公共服务\t\t`).code).toBe(CatalogueErrorCode.MALFORMED_TABLE);
    expect(refusal(`序号\t名称\n1\t甲`).code).toBe(CatalogueErrorCode.MALFORMED_TABLE);
  });
});
