import type { PdfDocument } from '@oneseal/pdf';
import type { SealGeometry } from './seal-geometry';
import { SEAL_RED } from './seal-svg';

export const POINTS_PER_MM = 72 / 25.4;

/**
 * Draws the seal impression as vector graphics (paths and text in the embedded font, no bitmap) centred on
 * (centerX, centerY) in page points. The caller has registered `fontName`.
 */
export function drawSeal(
  doc: PdfDocument,
  geometry: SealGeometry,
  center: { x: number; y: number },
  fontName: string,
): void {
  doc.save();
  doc.translate(center.x, center.y).scale(POINTS_PER_MM);
  // Ink over the page: a little transparency keeps the printed text under the impression readable.
  doc.fillColor(SEAL_RED).strokeColor(SEAL_RED).fillOpacity(0.9).strokeOpacity(0.9);
  doc.lineWidth(geometry.ringWidth).circle(0, 0, geometry.ringRadius).stroke();
  const [first, ...rest] = geometry.star;
  doc.moveTo(first.x, first.y);
  for (const point of rest) doc.lineTo(point.x, point.y);
  doc.closePath().fill();
  doc.font(fontName).fontSize(geometry.arcFontSize);
  for (const glyph of geometry.arc) {
    doc.save();
    doc.translate(glyph.x, glyph.y).rotate(glyph.rotation);
    centredText(doc, glyph.char, 0, 0, geometry.arcFontSize * 1.5);
    doc.restore();
  }
  if (geometry.purpose.text) {
    doc.fontSize(geometry.purpose.fontSize);
    centredText(doc, geometry.purpose.text, 0, geometry.purpose.y, geometry.purpose.width * 1.2);
  }
  doc.restore();
}

function centredText(doc: PdfDocument, text: string, x: number, y: number, width: number): void {
  doc.text(text, x - width / 2, y, { width, align: 'center', baseline: 'middle', lineBreak: false });
}
