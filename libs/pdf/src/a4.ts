import PDFDocument from 'pdfkit';
import { useSongFonts } from './fonts';

/** A document being written (pdfkit's), for code that draws on one without importing pdfkit itself. */
export type PdfDocument = PDFKit.PDFDocument;

export const A4_MARGIN = 72;

export interface A4Info {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
  /** A wide table reads better across the page. */
  landscape?: boolean;
  /** Entries of the PDF's Info dictionary beyond the usual ones (the seal service's stamp placeholder). */
  extraInfo?: Record<string, string | PdfDigitString>;
  /** The page's bottom margin in points (the seal service keeps a small one for its verification block). */
  bottomMargin?: number;
}

/**
 * A PDF literal string of ASCII digits, written to the file as it is. pdfkit converts a string value byte by byte
 * (to an array, back to a string, then a regular expression over it): 3 ms for the seal's 40,000-digit stamp
 * placeholder, on each of a case's documents. Digits need no escaping, so the written bytes are the same.
 */
export class PdfDigitString {
  // pdfkit writes a value it does not recognise as a dictionary, array, string or date through its toString().
  readonly [Symbol.toStringTag] = 'PdfDigitString';
  constructor(private readonly digits: string) {
    if (!/^[0-9]*$/.test(digits)) throw new Error('a PdfDigitString holds ASCII digits only');
  }
  toString(): string {
    return `(${this.digits})`;
  }
}

/**
 * An A4 document with the Song faces registered as 'song' and 'song-bold'; `finished` resolves to its bytes once the
 * caller ends it.
 */
export function openA4(info: A4Info): { doc: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.landscape ? 'landscape' : 'portrait',
    margins: { top: A4_MARGIN, bottom: info.bottomMargin ?? A4_MARGIN, left: A4_MARGIN, right: A4_MARGIN },
    pdfVersion: '1.7',
    // No Helvetica: pdfkit would parse its metrics for every document (0.6 ms each), and no text here is set in it.
    font: '',
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: 'OneSeal 一枚印章管审批',
      Producer: 'OneSeal',
      CreationDate: info.createdAt,
    },
  });
  if (info.extraInfo) Object.assign(doc.info, info.extraInfo);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useSongFonts(doc, { regular: 'song', bold: 'song-bold' });
  return { doc, finished };
}

/** The width between the margins. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
