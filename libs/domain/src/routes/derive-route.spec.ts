import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadZezhouCatalogue } from '../catalogue/seeded-catalogue';
import {
  deriveRoute,
  handlingRuleText,
  townTwinOf,
  isDelegable,
  routeBudgetProblem,
  stepsWithinLimit,
} from './derive-route';
import { TOWN_HANDLING_MODES, VILLAGE_HANDLING_MODES } from '../catalogue/handling-mode';
import { isInformationService } from '../catalogue/information-service';

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

  it('never lets the steps after 受理 spend more than the committed limit, for every matter, place and limit', () => {
    const contexts = [context, { ...context, village: undefined }, { ...context, delegatedToTown: true }];
    for (const matter of catalogue) {
      for (const committedLimitWorkingDays of [0, 1, 3, 5, 10, 15, 20]) {
        for (const place of contexts) {
          if (matter.level === 'village' && !place.village) continue;
          const plan = deriveRoute(matter, { ...place, committedLimitWorkingDays });
          const spent = stepsWithinLimit(plan).reduce((sum, s) => sum + s.budgetWorkingDays, 0);
          expect(spent).toBeLessThanOrEqual(committedLimitWorkingDays);
          expect(routeBudgetProblem(plan, committedLimitWorkingDays)).toBeUndefined();
        }
      }
    }
    // 临时救助 with the county's 10 days: 审核 5 + 决定 5 + 用印 1 = 11 shared out as 5 + 4 + 1.
    const fitted = deriveRoute(byCode('ZZ-T-002'), { ...context, committedLimitWorkingDays: 10 });
    expect(stepsWithinLimit(fitted).map((s) => `${s.kind}${s.budgetWorkingDays}`)).toEqual([
      '审核5',
      '决定4',
      '用印1',
    ]);
    expect(
      routeBudgetProblem({ ...fitted, steps: fitted.steps.map((s) => ({ ...s, budgetWorkingDays: 5 })) }, 10),
    ).toBe('事项 ZZ-T-002 受理后各环节时限合计 15 个工作日，超过承诺办结时限 10 个工作日');
  });

  it('answers an information service where it is asked, with no decision; a 即办件 stays in the town the same day', () => {
    expect(isInformationService('法律援助咨询服务')).toBe(true);
    expect(isInformationService('城乡居民社会养老保险信息查询')).toBe(true);
    expect(isInformationService('临时救助')).toBe(false);
    const information = deriveRoute(byCode('ZZ-T-042'), {
      ...context,
      village: undefined,
      informationOnly: true,
      caseKind: '即办件',
      committedLimitWorkingDays: 0,
    });
    expect(information.steps.map((s) => `${s.kind}@${s.unitCode}`)).toEqual(['受理@140525100-window']);
    expect(information.rule).toContain('不作决定');
    const sameDay = {
      ...context,
      village: undefined,
      caseKind: '即办件' as const,
      committedLimitWorkingDays: 0,
    };
    // 婚姻生育情况证明 (the town decides it): accepted, decided and sealed in the town, every step due the same day.
    const onTheSpot = deriveRoute(byCode('ZZ-T-007'), sameDay);
    expect(onTheSpot.steps.map((s) => `${s.kind}@${s.unitCode}:${s.budgetWorkingDays}`)).toEqual([
      '受理@140525100-window:0',
      '决定@140525100-approval:0',
      '用印@140525100-seal:0',
      '送达@140525100-window:0',
    ]);
    // 老年人高龄补贴发放 (乡级负责受理): the county decides it; as a 即办件 it still goes there, the same day.
    const countyDecides = deriveRoute(byCode('ZZ-T-001'), sameDay);
    expect(countyDecides.steps.map((s) => `${s.kind}@${s.level}:${s.budgetWorkingDays}`)).toEqual([
      '受理@town:1',
      '审核@county:0',
      '决定@county:0',
      '用印@county:0',
      '送达@town:10',
    ]);
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

  it('a village matter with a town twin follows the twin’s route after the village’s 初审, and comes back through the station', () => {
    const twinOf = (code: string) => {
      const twin = townTwinOf(byCode(code), catalogue);
      if (!twin) throw new Error(`no twin of ${code}`);
      return { code: twin.code, handlingMode: twin.handlingMode, countyUnitCode: '140525-mz' };
    };
    // 临时救助 has two town rows (行政给付 and 公共服务): the twin is the one of its own type.
    expect(twinOf('ZZ-V-012').code).toBe('ZZ-T-002');
    expect(twinOf('ZZ-V-001').code).toBe('ZZ-T-099');
    expect(townTwinOf(byCode('ZZ-V-002'), catalogue)).toBeUndefined();
    expect(summary('ZZ-V-012', { ...context, townTwin: twinOf('ZZ-V-012') })).toEqual([
      '初审@village:140525100201-station',
      '受理@town:140525100-window',
      '审核@town:140525100-review',
      '决定@county:140525-mz',
      '用印@county:140525-mz',
      '送达@village:140525100201-station',
    ]);
    // 兵役登记 and 婚姻生育情况证明: the town decides them under its own seal, as it does its own.
    const plan = deriveRoute(byCode('ZZ-V-005'), { ...context, townTwin: twinOf('ZZ-V-005') });
    expect(plan.steps.map((s) => `${s.kind}@${s.unitCode}`)).toEqual([
      '初审@140525100201-station',
      '受理@140525100-window',
      '审核@140525100-review',
      '决定@140525100-approval',
      '用印@140525100-seal',
      '送达@140525100201-station',
    ]);
    expect(plan.rule).toBe(
      '初审或帮办代办：村初审后按乡镇同名事项（ZZ-T-007）办理——办理方式为空：乡镇受理、审核、决定，加盖乡镇行政审批服务专用章',
    );
  });
});

describe('handlingRuleText', () => {
  it('says every handling mode in words, as a guide without a published process states its 办理流程', () => {
    for (const handlingMode of TOWN_HANDLING_MODES)
      expect(handlingRuleText({ level: 'town', handlingMode })).toMatch(/：/);
    for (const handlingMode of VILLAGE_HANDLING_MODES)
      expect(handlingRuleText({ level: 'village', handlingMode })).toMatch(/村/);
    expect(handlingRuleText({ level: 'town', handlingMode: '乡级负责受理' })).toBe(
      '乡级负责受理：乡镇受理后转县直部门审核、决定',
    );
    expect(handlingRuleText({ level: 'town', handlingMode: '乡级负责审批' })).toBeUndefined();
  });
});
