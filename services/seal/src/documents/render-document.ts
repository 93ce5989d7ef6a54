import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { drawSeal, POINTS_PER_MM } from '../drawing/draw-seal';
import { useSongFonts } from '../drawing/fonts';
import type { SealGeometry } from '../drawing/seal-geometry';
import { emptyStampPlaceholder, STAMP_INFO_KEY } from '../stamps/stamp-record';
import { chineseDateTime, chineseDay, type ComposedDocument } from './document-text';

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

const ISSUER_RED = '#c8161d';
const MARGIN = 72;
const BODY_SIZE = 13;
const FOOTER_HEIGHT = 28 * POINTS_PER_MM + 64;

function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** The head: the organ in red over a red rule (GB/T 9704 版头), the title, the 文号. */
function drawHead(doc: PDFKit.PDFDocument, page: DocumentPage, width: number): void {
  doc.font('song-bold').fontSize(24).fillColor(ISSUER_RED);
  doc.text(page.issuerName, MARGIN, 60, { width, align: 'center' });
  const ruleY = doc.y + 6;
  doc
    .save()
    .lineWidth(1.5)
    .strokeColor(ISSUER_RED)
    .moveTo(MARGIN, ruleY)
    .lineTo(MARGIN + width, ruleY)
    .stroke()
    .restore();
  doc.fillColor('#000000').font('song-bold').fontSize(20);
  doc.text(page.text.title, MARGIN, ruleY + 14, { width, align: 'center' });
  doc.font('song').fontSize(12);
  if (page.number) doc.text(page.number, MARGIN, doc.y + 6, { width, align: 'center' });
  doc.moveDown(0.8);
}

function drawRows(doc: PDFKit.PDFDocument, rows: [string, string][], width: number): void {
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

function drawBody(doc: PDFKit.PDFDocument, text: ComposedDocument, width: number): void {
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
  const doc = new PDFDocument({
    size: 'A4',
    // The bottom margin is small so the verification block fits above the page edge without a page break.
    margins: { top: MARGIN, bottom: 24, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    info: {
      Title: `${page.issuerName}${page.text.title}（${page.number ?? page.receiptNumber}）`,
      Author: page.issuerName,
      Subject: page.subject,
      Creator: 'OneSeal 用印服务',
      Producer: 'OneSeal',
      CreationDate: page.issuedAt,
    },
  });
  Object.assign(doc.info, { [STAMP_INFO_KEY]: emptyStampPlaceholder() });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useSongFonts(doc, { regular: 'song', bold: 'song-bold' });
  const width = doc.page.width - 2 * MARGIN;

  drawHead(doc, page, width);
  drawBody(doc, page.text, width);

  // The issuer and date, on the same page as the text's end, with the seal pressed over them as on paper.
  let issuerTop = Math.max(doc.y + 30, 440);
  // The seal reaches about 60 pt below the issuer line; the footer (who handled it, the QR code) starts below that.
  if (issuerTop > doc.page.height - FOOTER_HEIGHT - 98) {
    doc.addPage();
    issuerTop = 140;
  }
  doc.font('song').fontSize(BODY_SIZE).fillColor('#000000');
  doc.text(page.issuerName, MARGIN, issuerTop, { width, align: 'right' });
  doc.text(chineseDay(page.issuedAt), MARGIN, issuerTop + 26, { width, align: 'right' });
  drawSeal(doc, page.seal, { x: MARGIN + width - 80, y: issuerTop + 16 }, 'song');

  const qrSize = 28 * POINTS_PER_MM;
  const qrTop = doc.page.height - 64 - qrSize;
  doc
    .font('song')
    .fontSize(11)
    .text(page.text.handledBy, MARGIN, qrTop - 30, { width });
  drawQrCode(doc, page.verificationUrl, MARGIN, qrTop, qrSize);
  doc.fontSize(10);
  const noteLeft = MARGIN + qrSize + 12;
  const noteWidth = width - qrSize - 12;
  doc.text(
    `办件编号：${page.receiptNumber}\u3000\u3000验证码：${page.verificationCode}`,
    noteLeft,
    qrTop + 4,
    {
      width: noteWidth,
    },
  );
  doc.text('本文书加盖电子印章（SM2 签名、SM3 摘要，GB/T 38540），与加盖实物印章的纸质文书具有同等效力。', {
    width: noteWidth,
    lineGap: 3,
  });
  doc.text(`扫描二维码或打开以下网址，输入验证码核验真伪：${page.verificationUrl}`, {
    width: noteWidth,
    lineGap: 3,
  });
  doc.text(`用印时间：${chineseDateTime(page.issuedAt)}（北京时间）`, { width: noteWidth });

  doc.end();
  return finished;
}
