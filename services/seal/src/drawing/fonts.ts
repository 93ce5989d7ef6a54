import { readFileSync } from 'node:fs';
import { woffToSfnt } from './woff-to-sfnt';

/**
 * Noto Serif SC (a Song face, as seals and official documents use), from the @fontsource npm package so it is
 * there wherever `npm ci` ran: CI, Docker, a fresh clone. pdfkit embeds only the glyphs a document uses.
 */
const FONT_FILES = {
  regular: '@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-400-normal.woff',
  bold: '@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-700-normal.woff',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const loaded = new Map<FontWeight, Buffer>();

export function songFont(weight: FontWeight): Buffer {
  let font = loaded.get(weight);
  if (!font) {
    font = woffToSfnt(readFileSync(require.resolve(FONT_FILES[weight])));
    loaded.set(weight, font);
  }
  return font;
}
