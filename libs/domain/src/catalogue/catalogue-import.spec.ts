import {
  ImportProblemCode,
  planCatalogueImport,
  readMatterList,
  type CountyBureau,
  type CurrentMatter,
} from './catalogue-import';

const HEADER = ['层级', '序号', '事项名称', '事项类型', '办理方式', '备注', '主管部门'];
const sheet = (...rows: string[][]) => ({ fileName: '沁水县乡镇事项.xlsx', rows: [HEADER, ...rows] });
const BUREAUS: CountyBureau[] = [
  { code: '140521-mz', name: '县民政局', fullName: '县民政局' },
  { code: '140521-rs', name: '县人社局', fullName: '县人力资源和社会保障局' },
];
const context = (current: CurrentMatter[] = []) => ({ countyName: '沁水县', bureaus: BUREAUS, current });

describe('readMatterList', () => {
  it('names every problem of the list by its spreadsheet line, not only the first', () => {
    const { matters, problems } = readMatterList(
      sheet(
        ['镇级', '1', '临时救助', '行政给付', '乡级负责受理、审核', '', '县民政局'],
        ['镇级', '2', '', '公共服务', '', '', ''],
        ['镇级', '3', '高龄补贴', '行政服务', '', '', ''],
        ['镇级', '4', '低保', '行政给付', '镇里办', '', ''],
        ['街道', '5', '医保登记', '公共服务', '', '', ''],
        ['镇级', '6', '临时救助', '行政给付', '乡级负责受理、审核', '', '县民政局'],
        ['村级', '7', '兵役登记', '行政确认', '', '', ''],
        ['镇级', '8', '违法建设查处', '行政处罚', '', '', ''],
      ),
    );
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [3, ImportProblemCode.MISSING_NAME],
      [4, ImportProblemCode.UNKNOWN_TYPE],
      [5, ImportProblemCode.UNKNOWN_MODE],
      [6, ImportProblemCode.UNKNOWN_LEVEL],
      [7, ImportProblemCode.DUPLICATE],
      [8, ImportProblemCode.UNKNOWN_MODE],
      [9, ImportProblemCode.TYPE_NOT_APPLIED_FOR],
    ]);
    expect(problems[1].message).toBe(
      '第 4 行：不认识的事项类型「行政服务」，应为：行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力、公共服务',
    );
    expect(problems[4].message).toContain('与第 2 行重复');
    expect(matters.map((m) => m.name)).toEqual(['临时救助']);
  });

  it('accepts every type people apply for under GB/T 39046, with its code', () => {
    const types = [
      '行政许可',
      '行政给付',
      '行政确认',
      '行政征收',
      '行政裁决',
      '行政奖励',
      '公共服务',
      '其他行政权力',
    ];
    const { matters, problems } = readMatterList(
      sheet(...types.map((type, i) => ['镇级', String(i + 1), `事项${i}`, type, '', '', ''])),
    );
    expect(problems).toEqual([]);
    expect(matters.map((m) => m.typeCode)).toEqual(['01', '05', '07', '04', '09', '08', '20', '10']);
  });

  it('reads the annex as published (no 层级 column means the town list) and refuses a list without a type column', () => {
    const annex = readMatterList({
      fileName: '附件1.tsv',
      rows: [
        ['序号', '进驻事项名称', '事项类型', '办理方式', '备注'],
        ['1', '老年人高龄补贴发放', '公共服务', '乡级负责受理', ''],
      ],
    });
    expect(annex.matters).toMatchObject([
      { level: 'town', name: '老年人高龄补贴发放', handlingMode: '乡级负责受理' },
    ]);
    const untyped = readMatterList({
      fileName: 'x.csv',
      rows: [
        ['序号', '事项名称'],
        ['1', '临时救助'],
      ],
    });
    expect(untyped.problems).toMatchObject([{ code: ImportProblemCode.MISSING_COLUMN, column: '事项类型' }]);
  });
});

describe('planCatalogueImport', () => {
  const current: CurrentMatter[] = [
    {
      code: 'QS-T-001',
      level: 'town',
      name: '临时救助',
      type: '行政给付',
      handlingMode: '乡级负责受理、审核',
      note: '',
      unitCode: '140521-mz',
      withdrawn: false,
    },
    {
      code: 'QS-T-002',
      level: 'town',
      name: '失业登记',
      type: '公共服务',
      handlingMode: '乡级负责受理',
      note: '',
      unitCode: '140521-rs',
      withdrawn: false,
    },
    {
      code: 'QS-T-003',
      level: 'town',
      name: '高龄补贴',
      type: '公共服务',
      handlingMode: '乡级负责受理',
      note: '',
      unitCode: '140521-mz',
      withdrawn: false,
    },
    {
      code: 'QS-V-001',
      level: 'village',
      name: '兵役登记',
      type: '行政确认',
      handlingMode: '初审或帮办代办',
      note: '',
      unitCode: '140521-mz',
      withdrawn: false,
    },
  ];

  it('shows what is added, changed and withdrawn before anything is applied; a town list leaves village matters alone', () => {
    const plan = planCatalogueImport(
      sheet(
        ['镇级', '1', '临时救助', '行政给付', '乡级负责受理、审核', '', ''],
        ['镇级', '2', '失业登记', '公共服务', '乡级负责受理、审核', '', '人社局'],
        ['镇级', '3', '就业困难人员认定', '行政确认', '乡级负责受理', '', '沁水县人力资源和社会保障局'],
      ),
      context(current),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.changes.map((c) => [c.kind, c.name, c.code])).toEqual([
      ['unchanged', '临时救助', 'QS-T-001'],
      ['changed', '失业登记', 'QS-T-002'],
      ['added', '就业困难人员认定', null],
      ['withdrawn', '高龄补贴', 'QS-T-003'],
    ]);
    expect(plan.changes[1].fields).toEqual([
      { field: '办理方式', before: '乡级负责受理', after: '乡级负责受理、审核' },
    ]);
    expect(plan.matters.map((m) => m.unitCode)).toEqual(['140521-mz', '140521-rs', '140521-rs']);
  });

  it('names a bureau the county does not have, and a new matter without one', () => {
    const plan = planCatalogueImport(
      sheet(
        ['镇级', '1', '个体工商户登记', '行政许可', '乡级负责受理', '', '县市场监管局'],
        ['镇级', '2', '残疾人证办理', '行政确认', '乡级负责受理', '', ''],
      ),
      context(),
    );
    expect(plan.problems.map((p) => [p.line, p.code])).toEqual([
      [2, ImportProblemCode.UNKNOWN_BUREAU],
      [3, ImportProblemCode.MISSING_BUREAU],
    ]);
    expect(plan.problems[0].message).toBe(
      '第 2 行：本县没有「县市场监管局」，请先在「县直部门」中添加，或改为：县民政局、县人社局',
    );
  });

  it('does not take a matter whose row has a problem as withdrawn', () => {
    const plan = planCatalogueImport(
      sheet(
        ['镇级', '1', '临时救助', '行政服务', '乡级负责受理、审核', '', ''],
        ['镇级', '2', '失业登记', '公共服务', '乡级负责受理', '', ''],
        ['镇级', '3', '高龄补贴', '公共服务', '乡级负责受理', '', ''],
      ),
      context(current),
    );
    expect(plan.problems.map((p) => p.code)).toEqual([ImportProblemCode.UNKNOWN_TYPE]);
    expect(plan.changes.filter((c) => c.kind === 'withdrawn')).toEqual([]);
  });

  it('restores a withdrawn matter listed again instead of adding a second one', () => {
    const plan = planCatalogueImport(
      sheet(['镇级', '1', '高龄补贴', '公共服务', '乡级负责受理', '', '']),
      context(current.map((m) => (m.code === 'QS-T-003' ? { ...m, withdrawn: true } : m))),
    );
    expect(plan.changes.find((c) => c.name === '高龄补贴')).toMatchObject({
      kind: 'changed',
      code: 'QS-T-003',
      fields: [{ field: '状态', before: '已撤销', after: '恢复办理' }],
    });
  });
});
