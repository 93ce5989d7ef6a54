import { A4_MARGIN as MARGIN, contentWidth, openA4, PdfDigitString, type PdfDocument } from '@oneseal/pdf';
import QRCode from 'qrcode';
import { drawSeal, POINTS_PER_MM } from '../drawing/draw-seal';
import type { SealGeometry } from '../drawing/seal-geometry';
import { emptyStampPlaceholder, STAMP_INFO_KEY } from '../stamps/stamp-record';
import { chineseDateTime, chineseDay } from './document-text';

/** The parts every sealed document shares, whether a case's (render-document.ts) or a county notice's. */
export { MARGIN };
export const ISSUER_RED = '#c8161d';
export const BODY_SIZE = 13;
const QR_SIZE = 28 * POINTS_PER_MM;
const FOOTER_HEIGHT = QR_SIZE + 64;

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  issuedAt: Date;
}

/**
 * An A4 document in the Song faces, with the empty stamp placeholder in its Info dictionary (the signature is
 * written into it, stamp-record.ts); `finished` resolves to the bytes once the caller ends the document.
 */
export function openSealedA4(info: PdfInfo): { doc: PdfDocument; finished: Promise<Buffer> } {
  return openA4({
    title: info.title,
    author: info.author,
    subject: info.subject,
    createdAt: info.issuedAt,
    extraInfo: { [STAMP_INFO_KEY]: new PdfDigitString(emptyStampPlaceholder()) },
    // Small, so the verification block fits above the page edge without a page break.
    bottomMargin: 24,
  });
}

/** The head: the organ in red over a red rule (GB/T 9704 版头), the title, the 文号. */
export function drawOrganHead(
  doc: PdfDocument,
  head: { issuerName: string; title: string; number?: string },
): void {
  const width = contentWidth(doc);
  doc.font('song-bold').fontSize(24).fillColor(ISSUER_RED);
  doc.text(head.issuerName, MARGIN, 60, { width, align: 'center' });
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
  doc.text(head.title, MARGIN, ruleY + 14, { width, align: 'center' });
  doc.font('song').fontSize(12);
  if (head.number) doc.text(head.number, MARGIN, doc.y + 6, { width, align: 'center' });
  doc.moveDown(0.8);
}

/**
 * The issuer and date on the same page as the text's end, with the seal pressed over them as on paper; a new page
 * when they would run into the verification footer.
 */
export function drawSignedIssuer(
  doc: PdfDocument,
  signed: { issuerName: string; issuedAt: Date; seal: SealGeometry },
): void {
  const width = contentWidth(doc);
  let issuerTop = Math.max(doc.y + 30, 440);
  // The seal reaches about 60 pt below the issuer line; the footer (who handled it, the QR code) starts below that.
  if (issuerTop > doc.page.height - FOOTER_HEIGHT - 98) {
    doc.addPage();
    issuerTop = 140;
  }
  doc.font('song').fontSize(BODY_SIZE).fillColor('#000000');
  doc.text(signed.issuerName, MARGIN, issuerTop, { width, align: 'right' });
  doc.text(chineseDay(signed.issuedAt), MARGIN, issuerTop + 26, { width, align: 'right' });
  drawSeal(doc, signed.seal, { x: MARGIN + width - 80, y: issuerTop + 16 }, 'song');
}

function drawQrCode(doc: PdfDocument, text: string, x: number, y: number, size: number): void {
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

/** At the foot of the last page: who handled it, the QR code and how to check the document online. */
export function drawVerificationFooter(
  doc: PdfDocument,
  footer: {
    handledBy: string;
    /** 办件编号：… for a case's document, 文号：… for a notice. */
    reference: string;
    verificationCode: string;
    verificationUrl: string;
    issuedAt: Date;
  },
): void {
  const width = contentWidth(doc);
  const qrTop = doc.page.height - 64 - QR_SIZE;
  doc
    .font('song')
    .fontSize(11)
    .text(footer.handledBy, MARGIN, qrTop - 30, { width });
  drawQrCode(doc, footer.verificationUrl, MARGIN, qrTop, QR_SIZE);
  doc.fontSize(10);
  const noteLeft = MARGIN + QR_SIZE + 12;
  const noteWidth = width - QR_SIZE - 12;
  doc.text(`${footer.reference}\u3000\u3000验证码：${footer.verificationCode}`, noteLeft, qrTop + 4, {
    width: noteWidth,
  });
  doc.text('本文书加盖电子印章（SM2 签名、SM3 摘要，GB/T 38540），与加盖实物印章的纸质文书具有同等效力。', {
    width: noteWidth,
    lineGap: 3,
  });
  doc.text(`扫描二维码或打开以下网址，输入验证码核验真伪：${footer.verificationUrl}`, {
    width: noteWidth,
    lineGap: 3,
  });
  doc.text(`用印时间：${chineseDateTime(footer.issuedAt)}（北京时间）`, { width: noteWidth });
}
