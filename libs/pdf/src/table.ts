import { A4_MARGIN, contentWidth } from './a4';

/** A table as a document prints it: the header row, then rows of plain text. */
export interface PdfTable {
  columns: string[];
  rows: string[][];
}

export interface TableStyle {
  fontSize?: number;
  /** Per column; centred when absent. */
  align?: ('left' | 'center' | 'right')[];
  /** Relative widths; by default in proportion to what each column holds. */
  widths?: number[];
}

const CELL_PADDING = 4;

/** Column widths in proportion to what each column holds, none narrower than four characters. */
function columnWidths(table: PdfTable, width: number): number[] {
  const weights = table.columns.map((column, index) => {
    const body = Math.max(4, ...table.rows.map((row) => [...(row[index] ?? '')].length));
    // Headers wrap, so a long header counts for less than a long cell.
    return Math.max(4, Math.min([...column].length, body * 1.5), body);
  });
  return scaled(weights, width);
}

function scaled(weights: number[], width: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (width * weight) / total);
}

/** How tall a row of cells is in the current font: its tallest cell and the padding. */
function rowHeight(doc: PDFKit.PDFDocument, cells: string[], widths: number[]): number {
  const tallest = Math.max(
    ...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index] - 2 * CELL_PADDING })),
  );
  return tallest + 2 * CELL_PADDING;
}

/** Draws a row at y in the row's font; answers where the next row starts. */
function drawRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  widths: number[],
  y: number,
  style: { fontSize: number; bold: boolean; align?: TableStyle['align']; height?: number },
): number {
  doc.font(style.bold ? 'song-bold' : 'song').fontSize(style.fontSize);
  const height = style.height ?? rowHeight(doc, cells, widths);
  let x = doc.page.margins.left;
  cells.forEach((cell, index) => {
    doc.save().lineWidth(0.6).strokeColor('#000000').rect(x, y, widths[index], height).stroke().restore();
    doc.text(cell, x + CELL_PADDING, y + CELL_PADDING, {
      width: widths[index] - 2 * CELL_PADDING,
      align: style.bold ? 'center' : (style.align?.[index] ?? 'center'),
    });
    x += widths[index];
  });
  return y + height;
}

/**
 * Draws the table from the current position across the page's width; a row that would cross the bottom margin goes
 * to a new page, under the header row again. Leaves the position under the table.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable, style: TableStyle = {}): void {
  const fontSize = style.fontSize ?? 9.5;
  const width = contentWidth(doc);
  const widths = style.widths ? scaled(style.widths, width) : columnWidths(table, width);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let y = drawRow(doc, table.columns, widths, doc.y + 4, { fontSize, bold: true });
  for (const row of table.rows) {
    doc.font('song').fontSize(fontSize);
    const height = rowHeight(doc, row, widths);
    if (y + height > bottom()) {
      doc.addPage();
      y = drawRow(doc, table.columns, widths, doc.page.margins.top || A4_MARGIN, { fontSize, bold: true });
    }
    y = drawRow(doc, row, widths, y, { fontSize, bold: false, align: style.align, height });
  }
  doc.x = doc.page.margins.left;
  doc.y = y + 10;
}
