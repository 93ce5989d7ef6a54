import type { CatalogueRow } from '../catalogue/annex-table';
import type { TownHandlingMode, VillageHandlingMode } from '../catalogue/handling-mode';
import type { CaseKind, RoutePlan, RouteStep, StepKind } from '@oneseal/contracts';
import { DEFAULT_STEP_BUDGETS, type StepBudgets } from './route-plan';
import { townUnit, villageStation } from './units';

/** What route derivation needs of a matter; a catalogue row has it, and so does an ApplicationSubmitted event. */
export type RoutableMatter = Pick<CatalogueRow, 'code' | 'level' | 'handlingMode' | 'delegatingUnit'>;

export interface RouteContext {
  town: string;
  /** The applicant's village, when the case is filed through its service station (帮办代办). */
  village?: string;
  /** Code of the county unit that owns the matter: the delegating bureau of a "…直接赋权" note, or the unit assigned to it. */
  countyUnitCode: string;
  /**
   * The county unit has granted this town direct authority (直接赋权) for the matter: the town then reviews, decides
   * and seals what the county would have.
   */
  delegatedToTown?: boolean;
  budgets?: StepBudgets;
  /**
   * The committed limit of the guide the case is handled under: the steps between 受理 and 送达 share it, so their
   * budgets never add up to more. Absent: the county's step budgets as they are.
   */
  committedLimitWorkingDays?: number;
  /** 即办件: handled in the town the day it is received (a 0-day limit). */
  caseKind?: CaseKind;
  /** 咨询, 查询, 宣传, 信息发布 (isInformationService): answered where it is asked, with no decision to make. */
  informationOnly?: boolean;
  /**
   * The town matter of the same name (兵役登记, 临时救助 …) a village's 初审或帮办代办 matter is handled as after the
   * village step: its mode, its bureau, and whether the bureau empowered this town.
   */
  townTwin?: TownTwin;
}

/** A village matter's twin in the town catalogue, as the case needs it to follow the twin's route. */
export interface TownTwin {
  code: string;
  handlingMode: string;
  delegatingUnit?: string;
  countyUnitCode: string;
  delegatedToTown?: boolean;
}

/** The town matter of the same name (and, among several, the same type) as a village matter, if there is one. */
export function townTwinOf<T extends Pick<CatalogueRow, 'name' | 'level' | 'type'>>(
  matter: Pick<CatalogueRow, 'name' | 'level' | 'type'>,
  catalogue: readonly T[],
): T | undefined {
  if (matter.level !== 'village') return undefined;
  const named = catalogue.filter((candidate) => candidate.level === 'town' && candidate.name === matter.name);
  return named.find((candidate) => candidate.type === matter.type) ?? named[0];
}

/** The steps that spend the committed limit: after 受理, before 送达 (art. 44 gives 送达 its own ten days). */
export function stepsWithinLimit(plan: RoutePlan): RouteStep[] {
  const accept = plan.steps.findIndex((step) => step.kind === '受理');
  return plan.steps.filter((step, index) => index > accept && step.kind !== '送达');
}

/** Why a route does not fit its committed limit, or undefined when it does. */
export function routeBudgetProblem(plan: RoutePlan, committedLimitWorkingDays: number): string | undefined {
  const spent = stepsWithinLimit(plan).reduce((sum, step) => sum + step.budgetWorkingDays, 0);
  return spent > committedLimitWorkingDays
    ? `事项 ${plan.matterCode} 受理后各环节时限合计 ${spent} 个工作日，超过承诺办结时限 ${committedLimitWorkingDays} 个工作日`
    : undefined;
}

/**
 * Shares the committed limit among the steps after 受理 in proportion to the county's budgets (largest remainders
 * get the spare days), so that they never add up to more than the limit. A 0-day limit gives every such step 0:
 * due the day it opens.
 */
function fitToLimit(plan: RoutePlan, limit: number | undefined): RoutePlan {
  if (limit === undefined) return plan;
  const within = new Set(stepsWithinLimit(plan));
  const total = [...within].reduce((sum, step) => sum + step.budgetWorkingDays, 0);
  if (total <= limit) return plan;
  const shares = plan.steps.map((step) => (within.has(step) ? (limit * step.budgetWorkingDays) / total : 0));
  const budgets = shares.map(Math.floor);
  let spare =
    limit - budgets.reduce((sum, days, index) => sum + (within.has(plan.steps[index]) ? days : 0), 0);
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .filter(({ index }) => within.has(plan.steps[index]))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (spare === 0) break;
    budgets[index] += 1;
    spare -= 1;
  }
  return {
    ...plan,
    steps: plan.steps.map((step, index) =>
      within.has(step) ? { ...step, budgetWorkingDays: budgets[index] } : step,
    ),
  };
}

/** Whether the county could hand this matter's steps to the town at all (a town or village that decides needs none). */
export function isDelegable(matter: Pick<RoutableMatter, 'level' | 'handlingMode'>): boolean {
  return (
    matter.level === 'town' && TOWN_RULES[matter.handlingMode as TownHandlingMode]?.countySteps.length > 0
  );
}

interface TownRule {
  /** The steps the town takes, besides taking the application in and handing out the result. */
  townSteps: StepKind[];
  /** The steps the county unit takes afterwards; empty when the town decides. */
  countySteps: StepKind[];
  text: string;
}

// Every town application enters at the town's one window (前台综合受理) and its result leaves there (综合窗口出件);
// the mode says which steps between those the town takes and where the county takes over.
const TOWN_RULES: Record<TownHandlingMode, TownRule> = {
  '': {
    townSteps: ['审核', '决定', '用印'],
    countySteps: [],
    text: '办理方式为空：乡镇受理、审核、决定，加盖乡镇行政审批服务专用章',
  },
  乡级负责受理: {
    townSteps: [],
    countySteps: ['审核', '决定', '用印'],
    text: '乡级负责受理：乡镇受理后转县直部门审核、决定',
  },
  '乡级负责受理、初审': {
    townSteps: ['初审'],
    countySteps: ['审核', '决定', '用印'],
    text: '乡级负责受理、初审：乡镇受理并初审后转县直部门审核、决定',
  },
  '乡级负责受理、审核': {
    townSteps: ['审核'],
    countySteps: ['决定', '用印'],
    text: '乡级负责受理、审核：乡镇受理并审核后转县直部门决定',
  },
  乡级负责初审: {
    townSteps: ['初审'],
    countySteps: ['审核', '决定', '用印'],
    text: '乡级负责初审：乡镇初审后转县直部门审核、决定',
  },
  乡级负责审核: {
    townSteps: ['审核'],
    countySteps: ['决定', '用印'],
    text: '乡级负责审核：乡镇审核后转县直部门决定',
  },
  乡级负责复核: {
    townSteps: ['复核'],
    countySteps: ['决定', '用印'],
    text: '乡级负责复核：乡镇复核后转县直部门决定',
  },
};

const VILLAGE_RULES: Record<VillageHandlingMode, string> = {
  接受申请: '接受申请：村（社区）便民服务站受理并办结',
  初审或帮办代办: '初审或帮办代办：村初审、乡镇受理、县直部门决定',
};

/**
 * A handling mode's rule in words (乡级负责受理：乡镇受理后转县直部门审核、决定): what a guide's 办理流程 says when no
 * published source describes the steps. Undefined for a mode no rule covers.
 */
export function handlingRuleText(matter: { level: string; handlingMode: string }): string | undefined {
  return matter.level === 'village'
    ? VILLAGE_RULES[matter.handlingMode as VillageHandlingMode]
    : TOWN_RULES[matter.handlingMode as TownHandlingMode]?.text;
}

function townUnitFor(kind: StepKind, town: string): string {
  switch (kind) {
    case '受理':
    case '送达':
      return townUnit.window(town);
    case '决定':
      return townUnit.approval(town);
    case '用印':
      return townUnit.seal(town);
    default:
      return townUnit.review(town);
  }
}

function step(
  kind: StepKind,
  level: RouteStep['level'],
  unitCode: string,
  budgets: StepBudgets,
  because: string,
): RouteStep {
  return { kind, level, unitCode, budgetWorkingDays: budgets[kind], because };
}

/**
 * The route of one case of a matter, from the catalogue row and where the applicant filed. Pure and total over
 * every handling mode the catalogue parser accepts.
 */
export function deriveRoute(matter: RoutableMatter, context: RouteContext): RoutePlan {
  const limit = context.caseKind === '即办件' ? 0 : context.committedLimitWorkingDays;
  const plan = fitToLimit(
    context.informationOnly
      ? informationRoute(matter, context)
      : context.caseKind === '即办件' && decidedInTown(matter, context)
        ? onTheSpotRoute(matter, context)
        : routeOfMode(matter, context),
    limit,
  );
  // The derivation proves its own result: a route that would spend more than the committed limit is never handed out.
  const problem = limit === undefined ? undefined : routeBudgetProblem(plan, limit);
  if (problem) throw new Error(problem);
  return plan;
}

/** 咨询、查询、宣传、信息发布: the window (or the village station) answers; the case ends with its 办结 record. */
function informationRoute(matter: RoutableMatter, context: RouteContext): RoutePlan {
  const budgets = { ...(context.budgets ?? DEFAULT_STEP_BUDGETS), 受理: 0 };
  const atStation = matter.level === 'village' && context.village;
  const unit = atStation ? villageStation(context.village as string) : townUnit.window(context.town);
  return {
    matterCode: matter.code,
    rule: '信息服务（咨询、查询、宣传、信息发布）：当场答复办结，不作决定、不出具决定文书',
    steps: [
      step(
        '受理',
        atStation ? 'village' : 'town',
        unit,
        budgets,
        atStation ? '村（社区）便民服务站当场答复' : '综合窗口当场答复',
      ),
    ],
  };
}

/**
 * Whether the town decides the matter: its mode keeps every step in the town, or the county empowered the town
 * (直接赋权). A 即办件 the county decides still goes to the county, the same day.
 */
function decidedInTown(matter: RoutableMatter, context: RouteContext): boolean {
  if (matter.level !== 'town') return false;
  const rule = TOWN_RULES[matter.handlingMode as TownHandlingMode] as TownRule | undefined;
  return !!rule && (rule.countySteps.length === 0 || context.delegatedToTown === true);
}

/** 即办件 the town decides: its window accepts, its leader decides and the town seals the same day. */
function onTheSpotRoute(matter: RoutableMatter, context: RouteContext): RoutePlan {
  const budgets = Object.fromEntries(
    Object.keys(context.budgets ?? DEFAULT_STEP_BUDGETS).map((kind) => [kind, 0]),
  ) as StepBudgets;
  const steps: RouteStep[] = [];
  if (context.village) {
    steps.push(
      step('代办', 'village', villageStation(context.village), budgets, '经村（社区）便民服务站帮办代办'),
    );
  }
  steps.push(step('受理', 'town', townUnit.window(context.town), budgets, '乡镇便民服务中心综合窗口受理'));
  steps.push(step('决定', 'town', townUnit.approval(context.town), budgets, '即办件：乡镇当日决定'));
  steps.push(
    step(
      '用印',
      'town',
      townUnit.seal(context.town),
      budgets,
      '加盖乡镇行政审批服务专用章（一枚印章管审批）',
    ),
  );
  steps.push(step('送达', 'town', townUnit.window(context.town), budgets, '综合窗口当日出件'));
  return { matterCode: matter.code, rule: '即办件：乡镇综合窗口受理，当日决定、用印、出件', steps };
}

/**
 * After the village's 初审, the case is handled as the town's matter of the same name is — its 受理, reviews,
 * decision and seal — and the result comes back through the village station.
 */
function followTwin(
  matter: RoutableMatter,
  context: RouteContext,
  twin: TownTwin,
  villageSteps: RouteStep[],
  station: string,
  budgets: StepBudgets,
): RoutePlan {
  const twinPlan = routeOfMode(
    {
      code: twin.code,
      level: 'town',
      handlingMode: twin.handlingMode as RoutableMatter['handlingMode'],
      delegatingUnit: twin.delegatingUnit,
    },
    {
      ...context,
      village: undefined,
      townTwin: undefined,
      countyUnitCode: twin.countyUnitCode,
      delegatedToTown: twin.delegatedToTown,
    },
  );
  const handled = twinPlan.steps.filter((twinStep) => twinStep.kind !== '送达');
  return {
    matterCode: matter.code,
    rule: `初审或帮办代办：村初审后按乡镇同名事项（${twin.code}）办理——${twinPlan.rule}`,
    steps: [
      ...villageSteps,
      ...handled,
      step('送达', 'village', station, budgets, '经村（社区）便民服务站送达申请人'),
    ],
  };
}

function routeOfMode(matter: RoutableMatter, context: RouteContext): RoutePlan {
  const budgets = context.budgets ?? DEFAULT_STEP_BUDGETS;
  const delegation = matter.delegatingUnit ? `；${matter.delegatingUnit}直接赋权` : '';
  const steps: RouteStep[] = [];

  if (matter.level === 'village') {
    const village = context.village;
    if (!village) throw new Error(`村级事项 ${matter.code} 须由申请人所在村（社区）便民服务站办理`);
    const station = villageStation(village);
    if (matter.handlingMode === '接受申请') {
      steps.push(step('受理', 'village', station, budgets, '村（社区）便民服务站接受申请并办理'));
      steps.push(step('决定', 'village', station, budgets, '村（社区）便民服务站办结'));
      steps.push(step('送达', 'village', station, budgets, '村（社区）便民服务站告知结果'));
      return { matterCode: matter.code, rule: VILLAGE_RULES.接受申请, steps };
    }
    steps.push(step('初审', 'village', station, budgets, '初审或帮办代办：村（社区）便民服务站初审后报乡镇'));
    if (context.townTwin) return followTwin(matter, context, context.townTwin, steps, station, budgets);
    steps.push(step('受理', 'town', townUnit.window(context.town), budgets, '乡镇便民服务中心综合窗口受理'));
    steps.push(step('审核', 'county', context.countyUnitCode, budgets, '县直部门审核'));
    steps.push(step('决定', 'county', context.countyUnitCode, budgets, '县直部门决定'));
    steps.push(step('用印', 'county', context.countyUnitCode, budgets, '决定机关用印'));
    steps.push(step('送达', 'village', station, budgets, '经村（社区）便民服务站送达申请人'));
    return { matterCode: matter.code, rule: VILLAGE_RULES.初审或帮办代办, steps };
  }

  const modeRule = TOWN_RULES[matter.handlingMode as TownHandlingMode] as TownRule | undefined;
  if (!modeRule) throw new Error(`事项 ${matter.code} 的办理方式“${matter.handlingMode}”没有对应的办理路径`);
  const rule: TownRule =
    context.delegatedToTown && modeRule.countySteps.length > 0
      ? {
          // With direct authority the town does what it does for a matter it handles to the end.
          ...TOWN_RULES[''],
          text: `${modeRule.text}；县直部门已直接赋权本镇：乡镇审核、决定，加盖乡镇行政审批服务专用章`,
        }
      : modeRule;
  if (context.village) {
    steps.push(
      step('代办', 'village', villageStation(context.village), budgets, '经村（社区）便民服务站帮办代办'),
    );
  }
  steps.push(
    step(
      '受理',
      'town',
      townUnit.window(context.town),
      budgets,
      '乡镇便民服务中心综合窗口受理（前台综合受理）',
    ),
  );
  const mode = `办理方式「${matter.handlingMode || '空'}」`;
  const townTakes = (kind: StepKind) =>
    rule === modeRule ? `${mode}：${kind}由乡镇承担` : `县直部门直接赋权本镇：${kind}由乡镇承担`;
  for (const kind of rule.townSteps) {
    const because = kind === '用印' ? '加盖乡镇行政审批服务专用章（一枚印章管审批）' : townTakes(kind);
    steps.push(step(kind, 'town', townUnitFor(kind, context.town), budgets, because + delegation));
  }
  for (const kind of rule.countySteps) {
    steps.push(
      step(
        kind,
        'county',
        context.countyUnitCode,
        budgets,
        kind === '用印'
          ? '决定机关用印：加盖作出决定的县直部门印章'
          : `${mode}：${kind}属县直部门权限，由主管县直部门办理`,
      ),
    );
  }
  steps.push(step('送达', 'town', townUnit.window(context.town), budgets, '综合窗口出件'));
  return { matterCode: matter.code, rule: rule.text + delegation, steps };
}
