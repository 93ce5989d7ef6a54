import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadZezhouCatalogue } from '../catalogue/seeded-catalogue';
import { deriveRoute, isDelegable } from './derive-route';

const seeds = join(resolve(__dirname, '../../../..'), 'seeds/catalogue');
const catalogue = loadZezhouCatalogue((file) => readFileSync(join(seeds, file), 'utf8'));
const byCode = (code: string) => {
  const matter = catalogue.find((m) => m.code === code);
  if (!matter) throw new Error(`no matter ${code}`);
  return matter;
};
const context = { town: '140525100', village: '140525100201', countyUnitCode: '140525-mz' };
const summary = (code: string, ctx: Parameters<typeof deriveRoute>[1] = context) =>
  deriveRoute(byCode(code), ctx).steps.map((s) => `${s.kind}@${s.level}:${s.unitCode}`);

describe('deriveRoute', () => {
  it('derives a route for every one of the 143 matters, from intake to delivery', () => {
    for (const matter of catalogue) {
      const plan = deriveRoute(matter, context);
      expect(plan.steps.length).toBeGreaterThanOrEqual(3);
      expect(plan.steps[plan.steps.length - 1].kind).toBe('送达');
      expect(plan.rule).not.toBe('');
      expect(plan.steps.every((s) => s.budgetWorkingDays > 0 && s.because !== '')).toBe(true);
    }
  });

  it('乡级负责受理、审核 filed by a village agent: village files, town accepts and reviews, county decides and seals', () => {
    expect(summary('ZZ-T-002')).toEqual([
      '代办@village:140525100201-station',
      '受理@town:140525100-window',
      '审核@town:140525100-review',
      '决定@county:140525-mz',
      '用印@county:140525-mz',
      '送达@town:140525100-window',
    ]);
  });

  it('a blank mode is handled to the end by the town under its one approval seal', () => {
    const plan = deriveRoute(byCode('ZZ-T-007'), { ...context, village: undefined });
    expect(plan.steps.map((s) => `${s.kind}@${s.unitCode}`)).toEqual([
      '受理@140525100-window',
      '审核@140525100-review',
      '决定@140525100-approval',
      '用印@140525100-seal',
      '送达@140525100-window',
    ]);
    expect(plan.rule).toBe('办理方式为空：乡镇受理、审核、决定，加盖乡镇行政审批服务专用章');
  });

  it('names the delegating bureau in the rule of a directly empowered matter', () => {
    const plan = deriveRoute(byCode('ZZ-T-023'), {
      ...context,
      village: undefined,
      countyUnitCode: '140525-rs',
    });
    expect(plan.rule).toBe('乡级负责受理：乡镇受理后转县直部门审核、决定；县人社局直接赋权');
    expect(plan.steps.filter((s) => s.level === 'county').map((s) => s.unitCode)).toEqual([
      '140525-rs',
      '140525-rs',
      '140525-rs',
    ]);
  });

  it('sends to the town what the county would have done once the county unit grants it direct authority', () => {
    const plan = deriveRoute(byCode('ZZ-T-011'), { ...context, village: undefined, delegatedToTown: true });
    expect(plan.steps.map((s) => `${s.kind}@${s.level}:${s.unitCode}`)).toEqual([
      '受理@town:140525100-window',
      '审核@town:140525100-review',
      '决定@town:140525100-approval',
      '用印@town:140525100-seal',
      '送达@town:140525100-window',
    ]);
    expect(plan.rule).toBe(
      '乡级负责受理：乡镇受理后转县直部门审核、决定；县直部门已直接赋权本镇：乡镇审核、决定，加盖乡镇行政审批服务专用章',
    );
    // A matter the town already decides has nothing to hand over; a village matter is not the town's.
    expect(isDelegable(byCode('ZZ-T-011'))).toBe(true);
    expect(isDelegable(byCode('ZZ-T-007'))).toBe(false);
    expect(isDelegable(catalogue.find((m) => m.level === 'village') ?? byCode('ZZ-T-007'))).toBe(false);
    expect(summary('ZZ-T-007', { ...context, village: undefined, delegatedToTown: true })).toEqual(
      summary('ZZ-T-007', { ...context, village: undefined }),
    );
  });

  it('village matters start at the applicant’s station; 接受申请 is finished there', () => {
    expect(summary('ZZ-V-012').slice(0, 2)).toEqual([
      '初审@village:140525100201-station',
      '受理@town:140525100-window',
    ]);
    expect(summary('ZZ-V-007')).toEqual([
      '受理@village:140525100201-station',
      '决定@village:140525100201-station',
      '送达@village:140525100201-station',
    ]);
    expect(() => deriveRoute(byCode('ZZ-V-012'), { ...context, village: undefined })).toThrow(
      '须由申请人所在村（社区）便民服务站办理',
    );
  });
});
