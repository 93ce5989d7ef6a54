import type { CatalogueRow } from '../catalogue/annex-table';
import type { TownHandlingMode } from '../catalogue/handling-mode';
import type { RoutePlan, RouteStep, StepKind } from '@oneseal/contracts';
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
      return { matterCode: matter.code, rule: '接受申请：村（社区）便民服务站受理并办结', steps };
    }
    steps.push(step('初审', 'village', station, budgets, '初审或帮办代办：村（社区）便民服务站初审后报乡镇'));
    steps.push(step('受理', 'town', townUnit.window(context.town), budgets, '乡镇便民服务中心综合窗口受理'));
    steps.push(step('审核', 'county', context.countyUnitCode, budgets, '县直部门审核'));
    steps.push(step('决定', 'county', context.countyUnitCode, budgets, '县直部门决定'));
    steps.push(step('用印', 'county', context.countyUnitCode, budgets, '决定机关用印'));
    steps.push(step('送达', 'village', station, budgets, '经村（社区）便民服务站送达申请人'));
    return { matterCode: matter.code, rule: '初审或帮办代办：村初审、乡镇受理、县直部门决定', steps };
  }

  const modeRule = TOWN_RULES[matter.handlingMode as TownHandlingMode];
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
  for (const kind of rule.townSteps) {
    const because = kind === '用印' ? '加盖乡镇行政审批服务专用章（一枚印章管审批）' : `乡镇${kind}`;
    steps.push(step(kind, 'town', townUnitFor(kind, context.town), budgets, because + delegation));
  }
  for (const kind of rule.countySteps) {
    steps.push(
      step(
        kind,
        'county',
        context.countyUnitCode,
        budgets,
        kind === '用印' ? '决定机关用印' : `县直部门${kind}`,
      ),
    );
  }
  steps.push(step('送达', 'town', townUnit.window(context.town), budgets, '综合窗口出件'));
  return { matterCode: matter.code, rule: rule.text + delegation, steps };
}
