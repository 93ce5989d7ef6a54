import type { SealGeometry } from './seal-geometry';

export const SEAL_RED = '#d7000f';
const FONT_FAMILY = "'Noto Serif SC', 'SimSun', serif";

const round = (value: number) => Number(value.toFixed(3));

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The seal's picture for its seal record (GB/T 38540 allows SVG), drawn from the same geometry as the PDF
 * impression: a ring, the star, the authority's name along the arc and the purpose below.
 */
export function sealSvg(geometry: SealGeometry): string {
  const half = geometry.diameter / 2;
  const star = geometry.star.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
  const arc = geometry.arc
    .map(
      (glyph) =>
        `<text transform="translate(${round(glyph.x)} ${round(glyph.y)}) rotate(${round(glyph.rotation)})" ` +
        `font-size="${round(geometry.arcFontSize)}" text-anchor="middle" dominant-baseline="central">${escapeXml(glyph.char)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${geometry.diameter}mm" height="${geometry.diameter}mm" ` +
    `viewBox="${-half} ${-half} ${geometry.diameter} ${geometry.diameter}">` +
    `<g fill="${SEAL_RED}" font-family="${FONT_FAMILY}">` +
    `<circle r="${round(geometry.ringRadius)}" fill="none" stroke="${SEAL_RED}" stroke-width="${round(geometry.ringWidth)}"/>` +
    `<polygon points="${star}"/>${arc}` +
    purpose(geometry) +
    `</g></svg>`
  );
}

function purpose(geometry: SealGeometry): string {
  if (!geometry.purpose.text) return '';
  return (
    `<text y="${round(geometry.purpose.y)}" font-size="${round(geometry.purpose.fontSize)}" text-anchor="middle" ` +
    `dominant-baseline="central" textLength="${round(geometry.purpose.width)}">${escapeXml(geometry.purpose.text)}</text>`
  );
}
