import ExcelJS from 'exceljs';
import type { SeededPlaceNames } from '@oneseal/domain';
import type { CaseAtRisk, DeadlineRisks, RiskLevel } from './deadline-risks';
import type { ReportPeriod, TownReport } from './town-report';

const RISK_NAMES: Record<RiskLevel, string> = {
  statutory: '超法定时限',
  red: '红牌超期',
  'step-late': '环节超期',
  yellow: '黄牌预警',
  'due-soon': '即将到期',
};

const PERCENT = '0.0%';

/** A title row across the sheet's columns, then the column heads, bold and shaded. */
function headed(sheet: ExcelJS.Worksheet, title: string, heads: { header: string; width: number }[]): void {
  sheet.columns = heads.map((head) => ({ width: head.width }));
  sheet.mergeCells(1, 1, 1, heads.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center' };
  const headRow = sheet.getRow(2);
  headRow.values = heads.map((head) => head.header);
  headRow.font = { bold: true };
  headRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

function daysText(days: number | null): string {
  if (days === null) return '';
  if (days < 0) return `超期 ${-days} 个工作日`;
  return days === 0 ? '今日到期' : `剩 ${days} 个工作日`;
}

/**
 * The county's period report as a workbook a county office files and forwards: each town's figures by name (rates as
 * percentages), the day's risks, every cell a value rather than a picture, so it can be summed and sorted.
 */
export async function reportWorkbook(
  period: ReportPeriod,
  towns: TownReport[],
  risks: DeadlineRisks,
  names: SeededPlaceNames,
  unitName: (unitCode: string) => string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OneSeal 一枚印章管审批';
  workbook.created = new Date();
  const county = names.county(period.county);

  const report = workbook.addWorksheet('期间报告');
  headed(report, `${county}乡镇便民服务中心办件情况（${period.from} 至 ${period.to}）`, [
    { header: '乡镇', width: 14 },
    { header: '收件', width: 8 },
    { header: '受理', width: 8 },
    { header: '办结', width: 8 },
    { header: '准予', width: 8 },
    { header: '不予', width: 8 },
    { header: '撤件', width: 8 },
    { header: '其他', width: 8 },
    { header: '按时办结率', width: 12 },
    { header: '期末超期在办', width: 13 },
    { header: '评价数', width: 8 },
    { header: '差评数', width: 8 },
    { header: '满意率', width: 10 },
  ]);
  for (const town of towns) {
    const row = report.addRow([
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
    ]);
    row.getCell(9).numFmt = PERCENT;
    row.getCell(13).numFmt = PERCENT;
  }
  const sum = (pick: (town: TownReport) => number) => towns.reduce((total, town) => total + pick(town), 0);
  const total = report.addRow([
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
  ]);
  total.font = { bold: true };
  report.addRow([]);
  report.addRow([
    '说明：按时办结率不计撤件（由申请人撤回）；期末超期在办按统计期末与今天中较早的一天计算；日期均为北京时间。',
  ]);

  const atRisk = workbook.addWorksheet('今日风险');
  headed(atRisk, `${county}今日风险（${risks.today}）`, [
    { header: '风险', width: 12 },
    { header: '办件编号', width: 24 },
    { header: '事项', width: 36 },
    { header: '乡镇', width: 12 },
    { header: '当前环节', width: 10 },
    { header: '承办单位', width: 30 },
    { header: '承诺办结日期', width: 14 },
    { header: '剩余/超期', width: 16 },
  ]);
  for (const item of risks.items as CaseAtRisk[])
    atRisk.addRow([
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
    ]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
