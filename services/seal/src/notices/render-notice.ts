import type { NoticeText } from '@oneseal/contracts';
import { contentWidth, drawTable } from '@oneseal/pdf';
import type { SealGeometry } from '../drawing/seal-geometry';
import {
  BODY_SIZE,
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
  if (page.text.table) drawTable(doc, page.text.table, { fontSize: 9.5 });
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
