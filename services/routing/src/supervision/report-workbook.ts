import ExcelJS from 'exceljs';
import type { SeededPlaceNames } from '@oneseal/domain';
import type { CaseAtRisk, DeadlineRisks } from './deadline-risks';
import {
  RATE_COLUMNS,
  REPORT_NOTE,
  riskCells,
  RISK_COLUMNS,
  totalCells,
  TOWN_COLUMNS,
  townCells,
} from './report-rows';
import type { ReportPeriod, TownReport } from './town-report';

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

  const widths = [14, 8, 8, 8, 8, 8, 8, 8, 12, 13, 8, 8, 10];
  const report = workbook.addWorksheet('期间报告');
  headed(
    report,
    `${county}乡镇便民服务中心办件情况（${period.from} 至 ${period.to}）`,
    TOWN_COLUMNS.map((header, index) => ({ header, width: widths[index] })),
  );
  for (const town of towns) {
    const row = report.addRow(townCells(town, names));
    for (const column of RATE_COLUMNS) row.getCell(column + 1).numFmt = PERCENT;
  }
  report.addRow(totalCells(towns)).font = { bold: true };
  report.addRow([]);
  report.addRow([REPORT_NOTE]);

  const riskWidths = [12, 24, 36, 12, 10, 30, 14, 16];
  const atRisk = workbook.addWorksheet('今日风险');
  headed(
    atRisk,
    `${county}今日风险（${risks.today}）`,
    RISK_COLUMNS.map((header, index) => ({ header, width: riskWidths[index] })),
  );
  for (const item of risks.items as CaseAtRisk[]) atRisk.addRow(riskCells(item, names, unitName));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
