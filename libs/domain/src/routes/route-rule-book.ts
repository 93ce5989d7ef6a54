import type { RouteStep } from '@oneseal/contracts';
import { TOWN_HANDLING_MODES, VILLAGE_HANDLING_MODES } from '../catalogue/handling-mode';
import { deriveRoute, type RoutableMatter, type RouteContext } from './derive-route';
import { DEFAULT_STEP_BUDGETS, type StepBudgets } from './route-plan';

/** One step of a rule as the county reads it: who takes it, how long it may take, and why it is theirs. */
export interface RuleStep {
  kind: RouteStep['kind'];
  level: RouteStep['level'];
  /** Who takes it, in words (乡镇便民服务中心综合窗口, 主管县直部门 …). */
  desk: string;
  budgetWorkingDays: number;
  because: string;
}

/** One way a case goes: a handling mode of the annex tables, or a way every county has (即办件, 信息服务, 直接赋权). */
export interface RouteRule {
  /** Stable: what a county's review of the rule is kept under. */
  key: string;
  level: 'town' | 'village';
  /** The annex's 办理方式 ('' is the blank town mode); undefined for the ways every mode shares. */
  handlingMode?: string;
  title: string;
  rule: string;
  steps: RuleStep[];
}

const SAMPLE_TOWN = '000000100';
const SAMPLE_VILLAGE = '000000100001';
const SAMPLE_BUREAU = '000000-bureau';

function deskOf(step: RouteStep): string {
  if (step.level === 'village') return '村（社区）便民服务站';
  if (step.level === 'county') return '主管县直部门';
  switch (step.kind) {
    case '受理':
    case '送达':
      return '乡镇便民服务中心综合窗口';
    case '决定':
      return '乡镇分管领导（审批决定）';
    case '用印':
      return '乡镇行政审批服务专用章管理';
    default:
      return '乡镇审核岗';
  }
}

function ruleOf(
  key: string,
  title: string,
  matter: RoutableMatter,
  context: Partial<RouteContext>,
  budgets: StepBudgets,
  handlingMode?: string,
): RouteRule {
  const plan = deriveRoute(matter, { town: SAMPLE_TOWN, countyUnitCode: SAMPLE_BUREAU, budgets, ...context });
  return {
    key,
    level: matter.level,
    ...(handlingMode !== undefined ? { handlingMode } : {}),
    title,
    rule: plan.rule,
    steps: plan.steps.map((step) => ({
      kind: step.kind,
      level: step.level,
      desk: deskOf(step),
      budgetWorkingDays: step.budgetWorkingDays,
      because: step.because,
    })),
  };
}

/**
 * Every rule a case's route is derived by, each step with its reason, made by the derivation itself (so what the
 * county reviews is exactly what routing does): each handling mode of the annexes, and the ways every county has.
 */
export function routeRuleBook(budgets: StepBudgets = DEFAULT_STEP_BUDGETS): RouteRule[] {
  const town = (handlingMode: string): RoutableMatter =>
    ({ code: 'RULE', level: 'town', handlingMode }) as RoutableMatter;
  const village = (handlingMode: string): RoutableMatter =>
    ({ code: 'RULE', level: 'village', handlingMode }) as RoutableMatter;
  return [
    ...TOWN_HANDLING_MODES.map((mode) =>
      ruleOf(`town:${mode}`, `镇级事项 · 办理方式「${mode || '空'}」`, town(mode), {}, budgets, mode),
    ),
    ...VILLAGE_HANDLING_MODES.map((mode) =>
      ruleOf(
        `village:${mode}`,
        `村级事项 · 办理方式「${mode}」`,
        village(mode),
        { village: SAMPLE_VILLAGE },
        budgets,
        mode,
      ),
    ),
    ruleOf(
      'town:delegated',
      '县直部门直接赋权本镇的事项（以「乡级负责受理」为例）',
      town('乡级负责受理'),
      { delegatedToTown: true },
      budgets,
    ),
    ruleOf('town:on-the-spot', '即办件（乡镇决定的事项）', town(''), { caseKind: '即办件' }, budgets),
    ruleOf(
      'town:information',
      '信息服务（咨询、查询、宣传、信息发布）',
      town(''),
      { informationOnly: true },
      budgets,
    ),
  ];
}
