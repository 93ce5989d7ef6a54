import type { SeededPlaceNames } from '@oneseal/domain';
import { drawTable, openA4 } from '@oneseal/pdf';
import type { DeadlineRisks } from './deadline-risks';
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

const cellText = (value: string | number | null, column: number): string => {
  if (value === null) return RATE_COLUMNS.includes(column) ? '—' : '';
  if (typeof value === 'number' && RATE_COLUMNS.includes(column)) return `${(value * 100).toFixed(1)}%`;
  return String(value);
};

/** 2026-12-06 08:15 in China. */
const chinaMinute = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The county's period report as a PDF to file or send on (landscape A4): each town's figures by name with the county's
 * sums, the note on how they are counted, then the day's risks, every table's header repeated on each page.
 */
export function reportPdf(
  period: ReportPeriod,
  towns: TownReport[],
  risks: DeadlineRisks,
  names: SeededPlaceNames,
  unitName: (unitCode: string) => string,
  madeAt: Date = new Date(),
): Promise<Buffer> {
  const county = names.county(period.county);
  const title = `${county}乡镇便民服务中心办件情况（${period.from} 至 ${period.to}）`;
  const { doc, finished } = openA4({
    title,
    author: `${county}行政审批服务管理局`,
    subject: title,
    createdAt: madeAt,
    landscape: true,
    bottomMargin: 48,
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('song-bold').fontSize(18).text(title, { width, align: 'center' });
  doc
    .font('song')
    .fontSize(10)
    .text(`导出时间：${chinaMinute(madeAt)}（北京时间）`, { width, align: 'right' });
  drawTable(
    doc,
    {
      columns: [...TOWN_COLUMNS],
      rows: [...towns.map((town) => townCells(town, names)), totalCells(towns)].map((row) =>
        row.map(cellText),
      ),
    },
    { fontSize: 10, widths: [14, 6, 6, 6, 6, 6, 6, 6, 10, 10, 6, 6, 8] },
  );
  doc.font('song').fontSize(10).text(REPORT_NOTE, { width });
  doc.moveDown(1.2);
  doc.font('song-bold').fontSize(14).text(`今日风险（${risks.today}）`, { width });
  if (risks.items.length === 0)
    doc.font('song').fontSize(11).text('今日没有超期或临近到期的办件。', { width });
  else
    drawTable(
      doc,
      { columns: [...RISK_COLUMNS], rows: risks.items.map((item) => riskCells(item, names, unitName)) },
      {
        fontSize: 9,
        widths: [7, 20, 22, 7, 7, 19, 9, 10],
        align: ['center', 'left', 'left', 'center', 'center', 'left', 'center', 'center'],
      },
    );
  doc.end();
  return finished;
}
