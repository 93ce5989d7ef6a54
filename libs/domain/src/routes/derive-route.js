'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.deriveRoute = deriveRoute;
const route_plan_1 = require('./route-plan');
const units_1 = require('./units');
// Every town application enters at the town's one window (前台综合受理) and its result leaves there (综合窗口出件);
// the mode says which steps between those the town takes and where the county takes over.
const TOWN_RULES = {
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
function townUnitFor(kind, town) {
  switch (kind) {
    case '受理':
    case '送达':
      return units_1.townUnit.window(town);
    case '决定':
      return units_1.townUnit.approval(town);
    case '用印':
      return units_1.townUnit.seal(town);
    default:
      return units_1.townUnit.review(town);
  }
}
function step(kind, level, unitCode, budgets, because) {
  return { kind, level, unitCode, budgetWorkingDays: budgets[kind], because };
}
/**
 * The route of one case of a matter, from the catalogue row and where the applicant filed. Pure and total over
 * every handling mode the catalogue parser accepts.
 */
function deriveRoute(matter, context) {
  const budgets = context.budgets ?? route_plan_1.DEFAULT_STEP_BUDGETS;
  const delegation = matter.delegatingUnit ? `；${matter.delegatingUnit}直接赋权` : '';
  const steps = [];
  if (matter.level === 'village') {
    const village = context.village;
    if (!village) throw new Error(`村级事项 ${matter.code} 须由申请人所在村（社区）便民服务站办理`);
    const station = (0, units_1.villageStation)(village);
    if (matter.handlingMode === '接受申请') {
      steps.push(step('受理', 'village', station, budgets, '村（社区）便民服务站接受申请并办理'));
      steps.push(step('决定', 'village', station, budgets, '村（社区）便民服务站办结'));
      steps.push(step('送达', 'village', station, budgets, '村（社区）便民服务站告知结果'));
      return { matterCode: matter.code, rule: '接受申请：村（社区）便民服务站受理并办结', steps };
    }
    steps.push(step('初审', 'village', station, budgets, '初审或帮办代办：村（社区）便民服务站初审后报乡镇'));
    steps.push(
      step('受理', 'town', units_1.townUnit.window(context.town), budgets, '乡镇便民服务中心综合窗口受理'),
    );
    steps.push(step('审核', 'county', context.countyUnitCode, budgets, '县直部门审核'));
    steps.push(step('决定', 'county', context.countyUnitCode, budgets, '县直部门决定'));
    steps.push(step('用印', 'county', context.countyUnitCode, budgets, '决定机关用印'));
    steps.push(step('送达', 'village', station, budgets, '经村（社区）便民服务站送达申请人'));
    return { matterCode: matter.code, rule: '初审或帮办代办：村初审、乡镇受理、县直部门决定', steps };
  }
  const rule = TOWN_RULES[matter.handlingMode];
  if (context.village) {
    steps.push(
      step(
        '代办',
        'village',
        (0, units_1.villageStation)(context.village),
        budgets,
        '经村（社区）便民服务站帮办代办',
      ),
    );
  }
  steps.push(
    step(
      '受理',
      'town',
      units_1.townUnit.window(context.town),
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
  steps.push(step('送达', 'town', units_1.townUnit.window(context.town), budgets, '综合窗口出件'));
  return { matterCode: matter.code, rule: rule.text + delegation, steps };
}
//# sourceMappingURL=derive-route.js.map
