import { contentWidth, type PdfDocument } from '@oneseal/pdf';
import type { SealGeometry } from '../drawing/seal-geometry';
import type { ComposedDocument } from './document-text';
import {
  BODY_SIZE,
  drawOrganHead,
  drawSignedIssuer,
  drawVerificationFooter,
  MARGIN,
  openSealedA4,
} from './page-parts';

export interface DocumentPage {
  text: ComposedDocument;
  /** The issuing organ, printed as the document's head and above its date. */
  issuerName: string;
  /** 文号; absent on documents stamped before organs numbered them. */
  number?: string;
  receiptNumber: string;
  seal: SealGeometry;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: Date;
  /** The PDF's Subject (what a file manager shows). */
  subject: string;
}

function drawRows(doc: PdfDocument, rows: [string, string][], width: number): void {
  const labelWidth = 96;
  doc.fontSize(13);
  let y = doc.y + 4;
  for (const [label, value] of rows) {
    const height = Math.max(26, doc.heightOfString(value, { width: width - labelWidth - 16 }) + 12);
    doc.save().lineWidth(0.6).strokeColor('#000000');
    doc.rect(MARGIN, y, labelWidth, height).stroke();
    doc.rect(MARGIN + labelWidth, y, width - labelWidth, height).stroke();
    doc.restore();
    doc.font('song-bold').text(label, MARGIN + 6, y + 7, { width: labelWidth - 12, align: 'center' });
    doc.font('song').text(value, MARGIN + labelWidth + 8, y + 7, { width: width - labelWidth - 16 });
    y += height;
  }
  doc.x = MARGIN;
  doc.y = y + 10;
}

function drawBody(doc: PdfDocument, text: ComposedDocument, width: number): void {
  const paragraph = { width, lineGap: 5, indent: BODY_SIZE * 2 };
  doc.font('song').fontSize(BODY_SIZE).fillColor('#000000');
  if (text.addressee) doc.text(text.addressee, MARGIN, doc.y, { width, lineGap: 5 });
  const [first, ...rest] = text.paragraphs;
  if (first) doc.text(first, MARGIN, doc.y, paragraph);
  (text.items ?? []).forEach((item, index) => {
    doc.text(`${index + 1}. ${item}`, MARGIN, doc.y, paragraph);
  });
  if (text.rows && text.paragraphs.length === 0) drawRows(doc, text.rows, width);
  for (const line of rest) doc.text(line, MARGIN, doc.y, paragraph);
  if (text.rows && text.paragraphs.length > 0) drawRows(doc, text.rows, width);
  if (text.remedies) doc.text(text.remedies, MARGIN, doc.y, paragraph);
  if (text.closing) doc.text(text.closing, MARGIN, doc.y, paragraph);
}

/**
 * Lays a document out on A4: the head, the text, the issuer and date with the seal pressed over them, then who
 * handled it and how to verify it. The PDF keeps an empty stamp placeholder in its Info dictionary, which the
 * signature is written into (stamp-record.ts).
 */
export function renderCaseDocument(page: DocumentPage): Promise<Buffer> {
  const { doc, finished } = openSealedA4({
    title: `${page.issuerName}${page.text.title}（${page.number ?? page.receiptNumber}）`,
    author: page.issuerName,
    subject: page.subject,
    issuedAt: page.issuedAt,
  });
  const width = contentWidth(doc);
  drawOrganHead(doc, { issuerName: page.issuerName, title: page.text.title, number: page.number });
  drawBody(doc, page.text, width);
  drawSignedIssuer(doc, page);
  drawVerificationFooter(doc, {
    handledBy: page.text.handledBy,
    reference: `办件编号：${page.receiptNumber}`,
    verificationCode: page.verificationCode,
    verificationUrl: page.verificationUrl,
    issuedAt: page.issuedAt,
  });
  doc.end();
  return finished;
}
