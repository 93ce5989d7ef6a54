import type { SeededPlaceNames } from '@oneseal/domain';
import type { CaseAtRisk, RiskLevel } from './deadline-risks';
import type { TownReport } from './town-report';

/** The period report's and the day's risks' columns and rows, as the workbook and the PDF both print them. */
export const RISK_NAMES: Record<RiskLevel, string> = {
  statutory: '超法定时限',
  red: '红牌超期',
  'step-late': '环节超期',
  yellow: '黄牌预警',
  'due-soon': '即将到期',
};

export const TOWN_COLUMNS = [
  '乡镇',
  '收件',
  '受理',
  '办结',
  '准予',
  '不予',
  '撤件',
  '其他',
  '按时办结率',
  '期末超期在办',
  '评价数',
  '差评数',
  '满意率',
] as const;

export const RISK_COLUMNS = [
  '风险',
  '办件编号',
  '事项',
  '乡镇',
  '当前环节',
  '承办单位',
  '承诺办结日期',
  '剩余/超期',
] as const;

export const REPORT_NOTE =
  '说明：按时办结率不计撤件（由申请人撤回）；期末超期在办按统计期末与今天中较早的一天计算，待补正、特别程序中的办件暂停计时，不计入；日期均为北京时间。';

/** Indexes of TOWN_COLUMNS that are rates (0..1, or null when there was nothing to rate). */
export const RATE_COLUMNS = [8, 12];

/** A town's figures in TOWN_COLUMNS order: its name, then counts and rates as numbers. */
export function townCells(town: TownReport, names: SeededPlaceNames): (string | number | null)[] {
  return [
    names.town(town.town),
    town.received,
    town.accepted,
    town.concluded,
    town.approved,
    town.refused,
    town.withdrawn,
    town.otherResults,
    town.onTimeRate,
    town.overdueAtEnd,
    town.ratings,
    town.dissatisfied,
    town.satisfactionRate,
  ];
}

/** The county's sums in TOWN_COLUMNS order (a rate is not summed). */
export function totalCells(towns: TownReport[]): (string | number | null)[] {
  const sum = (pick: (town: TownReport) => number) => towns.reduce((total, town) => total + pick(town), 0);
  return [
    '合计',
    sum((town) => town.received),
    sum((town) => town.accepted),
    sum((town) => town.concluded),
    sum((town) => town.approved),
    sum((town) => town.refused),
    sum((town) => town.withdrawn),
    sum((town) => town.otherResults),
    null,
    sum((town) => town.overdueAtEnd),
    sum((town) => town.ratings),
    sum((town) => town.dissatisfied),
    null,
  ];
}

function daysText(days: number | null): string {
  if (days === null) return '';
  if (days < 0) return `超期 ${-days} 个工作日`;
  return days === 0 ? '今日到期' : `剩 ${days} 个工作日`;
}

/** A case at risk in RISK_COLUMNS order, every place and unit by its name. */
export function riskCells(
  item: CaseAtRisk,
  names: SeededPlaceNames,
  unitName: (unitCode: string) => string,
): string[] {
  return [
    RISK_NAMES[item.risk],
    item.receiptNumber ?? '',
    item.matterName ?? '',
    names.town(item.town),
    item.currentStep ?? '',
    item.currentUnit ? unitName(item.currentUnit) : '',
    item.committedDueDate ?? '未受理',
    item.workingDaysLeft !== null
      ? daysText(item.workingDaysLeft)
      : `环节${daysText(item.stepWorkingDaysLeft)}`,
  ];
}
