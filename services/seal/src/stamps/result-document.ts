import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { StampDecisionInput } from '@oneseal/contracts';
import { drawSeal, POINTS_PER_MM } from '../drawing/draw-seal';
import { songFont } from '../drawing/fonts';
import type { SealGeometry } from '../drawing/seal-geometry';
import { emptyStampPlaceholder, STAMP_INFO_KEY } from './stamp-record';

export interface ResultDocumentContent {
  decision: Pick<
    StampDecisionInput,
    | 'receiptNumber'
    | 'matterCode'
    | 'matterName'
    | 'applicantName'
    | 'result'
    | 'documentKind'
    | 'opinion'
    | 'decidedBy'
    | 'decidedByName'
    | 'decidedAt'
  >;
  /** "<county><town>人民政府": the issuing authority. */
  authority: string;
  seal: SealGeometry;
  verificationCode: string;
  verificationUrl: string;
  stampedAt: Date;
}

const TITLES: Record<StampDecisionInput['documentKind'], string> = {
  decision: '行政审批决定书',
  proof: '证明',
  certificate: '证书',
};

export function documentTitle(kind: StampDecisionInput['documentKind']): string {
  return TITLES[kind];
}

/** 2025年11月23日, on China Standard Time. */
export function chineseDate(instant: Date): string {
  const cst = new Date(instant.getTime() + 8 * 3_600_000);
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日`;
}

function decisionText(decision: ResultDocumentContent['decision']): string {
  return decision.result === '准予'
    ? `经审查，申请人提出的“${decision.matterName}”申请符合规定条件，本机关决定准予。`
    : `经审查，申请人提出的“${decision.matterName}”申请不符合规定条件，本机关决定不予许可。` +
        '申请人如对本决定不服，可以自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。';
}

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

/**
 * Renders the result document, with the seal drawn, the QR code and verification code printed, and an empty
 * stamp placeholder in its Info dictionary (see stamp-record.ts for how the stamp is then written into it).
 */
export function renderResultDocument(content: ResultDocumentContent): Promise<Buffer> {
  const { decision } = content;
  const title = documentTitle(decision.documentKind);
  const doc = new PDFDocument({
    size: 'A4',
    // The bottom margin is small so the verification block fits above the page edge without a page break.
    margins: { top: 72, bottom: 24, left: 72, right: 72 },
    pdfVersion: '1.7',
    info: {
      Title: `${content.authority}${title}（${decision.receiptNumber}）`,
      Author: content.authority,
      Subject: `${decision.matterName} ${decision.result}`,
      Creator: 'OneSeal 用印服务',
      Producer: 'OneSeal',
      CreationDate: content.stampedAt,
    },
  });
  Object.assign(doc.info, { [STAMP_INFO_KEY]: emptyStampPlaceholder() });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('song', songFont('regular'));
  doc.registerFont('song-bold', songFont('bold'));
  const left = 72;
  const width = doc.page.width - 144;

  doc.font('song-bold').fontSize(22).text(content.authority, left, 90, { width, align: 'center' });
  doc.fontSize(20).text(title, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('song').fontSize(11).text(`办件编号：${decision.receiptNumber}`, { width, align: 'right' });
  doc.moveDown(1.2);
  doc.fontSize(13);
  const paragraph = { width, lineGap: 6 };
  doc.text(`申请人：${decision.applicantName}`, paragraph);
  doc.text(`申请事项：${decision.matterName}（事项编码 ${decision.matterCode}）`, paragraph);
  doc.moveDown(0.6);
  doc.text(decisionText(decision), { ...paragraph, indent: 26 });
  doc.moveDown(0.6);
  if (decision.opinion) doc.text(`审查意见：${decision.opinion}`, paragraph);
  doc.text(`决定人：${decision.decidedByName ?? decision.decidedBy}`, paragraph);

  // The issuer and date block, with the seal pressed over it as on paper.
  const issuerRight = left + width;
  const issuerTop = 520;
  doc.text(content.authority, left, issuerTop, { width, align: 'right' });
  doc.text(chineseDate(new Date(decision.decidedAt)), left, issuerTop + 24, { width, align: 'right' });
  const sealCenter = { x: issuerRight - 70, y: issuerTop + 14 };
  drawSeal(doc, content.seal, sealCenter, 'song');

  const qrSize = 28 * POINTS_PER_MM;
  const qrTop = doc.page.height - 64 - qrSize;
  drawQrCode(doc, content.verificationUrl, left, qrTop, qrSize);
  doc.font('song').fontSize(10).fillColor('#000000');
  const noteLeft = left + qrSize + 12;
  const noteWidth = width - qrSize - 12;
  doc.text(`验证码：${content.verificationCode}`, noteLeft, qrTop + 4, { width: noteWidth });
  doc.text(
    '本文书加盖电子印章（SM2 签名、SM3 摘要，GB/T 38540）。扫描二维码，或在用印服务的核验页上传本文件、',
    {
      width: noteWidth,
      lineGap: 3,
    },
  );
  doc.text(`输入验证码核验真伪：${content.verificationUrl}`, { width: noteWidth, lineGap: 3 });
  doc.text(`用印时间：${content.stampedAt.toISOString()}`, { width: noteWidth });

  doc.end();
  return finished;
}
