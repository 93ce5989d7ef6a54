import type { NoticeTable, NoticeText } from '@oneseal/contracts';
import type { SealGeometry } from '../drawing/seal-geometry';
import {
  BODY_SIZE,
  contentWidth,
  drawOrganHead,
  drawSignedIssuer,
  drawVerificationFooter,
  MARGIN,
  openSealedA4,
} from '../documents/page-parts';

export interface NoticePage {
  text: NoticeText;
  issuerName: string;
  number: string;
  seal: SealGeometry;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: Date;
}

const TABLE_SIZE = 9.5;
const CELL_PADDING = 4;
/** The lowest a table row may start and still leave room below for the next one before the page's end. */
const TABLE_BOTTOM = 760;

/** Column widths in proportion to what each column holds, none narrower than four characters. */
function columnWidths(table: NoticeTable, width: number): number[] {
  const longest = table.columns.map((column, index) =>
    Math.max(4, ...[column, ...table.rows.map((row) => row[index] ?? '')].map((cell) => [...cell].length)),
  );
  // Headers wrap, so a long header counts for half.
  const weights = longest.map((chars, index) =>
    Math.max(
      4,
      Math.min(chars, Math.max(...table.rows.map((row) => [...(row[index] ?? '')].length), 4) * 1.5),
    ),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (width * weight) / total);
}

function drawTableRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  widths: number[],
  y: number,
  bold: boolean,
): number {
  doc.font(bold ? 'song-bold' : 'song').fontSize(TABLE_SIZE);
  const height =
    Math.max(
      ...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index] - 2 * CELL_PADDING })),
    ) +
    2 * CELL_PADDING;
  let x = MARGIN;
  cells.forEach((cell, index) => {
    doc.save().lineWidth(0.6).strokeColor('#000000').rect(x, y, widths[index], height).stroke().restore();
    doc.text(cell, x + CELL_PADDING, y + CELL_PADDING, {
      width: widths[index] - 2 * CELL_PADDING,
      align: 'center',
    });
    x += widths[index];
  });
  return y + height;
}

/** The table, its header row repeated at the top of every page it runs onto. */
function drawTable(doc: PDFKit.PDFDocument, table: NoticeTable, width: number): void {
  const widths = columnWidths(table, width);
  let y = drawTableRow(doc, table.columns, widths, doc.y + 4, true);
  for (const row of table.rows) {
    if (y > TABLE_BOTTOM) {
      doc.addPage();
      y = drawTableRow(doc, table.columns, widths, MARGIN, true);
    }
    y = drawTableRow(doc, row, widths, y, false);
  }
  doc.x = MARGIN;
  doc.y = y + 10;
}

/**
 * A county organ's notice on A4 (GB/T 9704 in the house style of the case documents): the head, the title and 文号,
 * 主送机关, the paragraphs, the table, the issuer and date under the seal, and how to verify it.
 */
export function renderNotice(page: NoticePage): Promise<Buffer> {
  const { doc, finished } = openSealedA4({
    title: `${page.text.title}（${page.number}）`,
    author: page.issuerName,
    subject: page.text.title,
    issuedAt: page.issuedAt,
  });
  const width = contentWidth(doc);
  drawOrganHead(doc, { issuerName: page.issuerName, title: page.text.title, number: page.number });
  const paragraph = { width, lineGap: 5, indent: BODY_SIZE * 2 };
  doc.font('song').fontSize(BODY_SIZE).fillColor('#000000');
  doc.text(page.text.addressee, MARGIN, doc.y, { width, lineGap: 5 });
  for (const line of page.text.opening) doc.text(line, MARGIN, doc.y, paragraph);
  if (page.text.table) drawTable(doc, page.text.table, width);
  doc.font('song').fontSize(BODY_SIZE);
  for (const line of page.text.closing) doc.text(line, MARGIN, doc.y, paragraph);
  drawSignedIssuer(doc, page);
  drawVerificationFooter(doc, {
    handledBy: `发文机关：${page.issuerName}（本通报向社会公开）`,
    reference: `文号：${page.number}`,
    verificationCode: page.verificationCode,
    verificationUrl: page.verificationUrl,
    issuedAt: page.issuedAt,
  });
  doc.end();
  return finished;
}
