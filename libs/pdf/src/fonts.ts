import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
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

/** What PDFKit keeps of a font inside one document (its internals, pinned with pdfkit's version in package.json). */
interface PdfFontInternals {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _font: { constructor: new (document: unknown, font: unknown, id: string) => unknown; font: unknown };
}

/** The parsed font, shared by every document, with PDFKit's class that embeds it into one. */
const parsed = new Map<
  FontWeight,
  { font: unknown; EmbeddedFont: PdfFontInternals['_font']['constructor'] }
>();

function parsedFont(weight: FontWeight) {
  let found = parsed.get(weight);
  if (!found) {
    const scratch = new PDFDocument() as unknown as PDFKit.PDFDocument & PdfFontInternals;
    scratch.registerFont('scratch', songFont(weight));
    scratch.font('scratch');
    found = {
      font: decodingEachGlyphOnce(scratch._font.font as FontkitFont),
      EmbeddedFont: scratch._font.constructor,
    };
    parsed.set(weight, found);
  }
  return found;
}

interface FontkitGlyph {
  _decode(): unknown;
}
interface FontkitFont {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph;
}

/**
 * Subsetting the face for a document decodes the outline of every glyph it embeds, only to see whether it is built
 * of others (fontkit's TTFSubset); the outlines are the same for every document (a static face: nothing varies
 * them), so each glyph is decoded once per process. A third of a sealed document's font embedding.
 */
function decodingEachGlyphOnce(font: FontkitFont): FontkitFont {
  const getGlyph = font.getGlyph.bind(font);
  const remembered = new WeakSet<FontkitGlyph>();
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (!remembered.has(glyph)) {
      remembered.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | undefined;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
    }
    return glyph;
  };
  return font;
}

/**
 * How each word is set in a face (its glyphs and advances), shared by every document: pdfkit keeps one cache per
 * document, and setting the Chinese text again for each one was a quarter of a sealed document's rendering. A run
 * depends on the face and the text only (pdfkit copies a position before it changes one). Started afresh
 * when it holds LAYOUT_CACHE_WORDS runs (counted every LAYOUT_CHECK_DOCUMENTS documents), so the words of many
 * applicants' names and addresses do not pile up: a run of one word is a few hundred bytes.
 */
const LAYOUT_CACHE_WORDS = 20_000;
const LAYOUT_CHECK_DOCUMENTS = 50;
const layouts = new Map<FontWeight, { cache: object; documents: number }>();

function layoutsOf(weight: FontWeight): object {
  let entry = layouts.get(weight);
  if (
    !entry ||
    (entry.documents % LAYOUT_CHECK_DOCUMENTS === 0 && Object.keys(entry.cache).length >= LAYOUT_CACHE_WORDS)
  ) {
    entry = { cache: Object.create(null) as object, documents: 0 };
    layouts.set(weight, entry);
  }
  entry.documents += 1;
  return entry.cache;
}

/** Starts afresh: the faces parsed again, no layouts or outlines kept (tests compare documents set both ways). */
export function forgetSharedFontWork(): void {
  layouts.clear();
  parsed.clear();
}

/**
 * Registers the Song faces in a document, parsed once for the whole process: PDFKit would parse the 3.5 MB font
 * (tables, glyphs) again for every document, which was most of the seal service's CPU per case. Each document still
 * embeds its own subset of the glyphs it uses.
 */
export function useSongFonts(doc: PDFKit.PDFDocument, names: Record<FontWeight, string>): void {
  const internals = doc as unknown as PDFKit.PDFDocument & PdfFontInternals;
  for (const weight of Object.keys(names) as FontWeight[]) {
    doc.registerFont(names[weight], songFont(weight));
    const { font, EmbeddedFont } = parsedFont(weight);
    const embedded = new EmbeddedFont(doc, font, `F${++internals._fontCount}`) as { layoutCache?: object };
    embedded.layoutCache = layoutsOf(weight);
    internals._fontFamilies[names[weight]] = embedded;
  }
}
