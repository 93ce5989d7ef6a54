import { canonicalJson } from '@oneseal/domain';
import { sm2Sign, sm2Verify } from '@oneseal/gm-crypto';
import type { SignedSealRecord } from '../seals/seal-record';

/**
 * A stamp, shaped like GB/T 38540's SES_Signature: what is signed (the seal itself, the time, the SM3 of the
 * document, who stamped, properties) and the stamper's SM2 signature over it.
 *
 * How it sits in the PDF (the same idea as a PAdES ByteRange): the document is rendered with a fixed-length
 * placeholder of hex digits as the value of the Info dictionary entry /OneSealStamp. `documentSm3` is the SM3
 * of every byte of the file except the placeholder's digits, i.e. of bytes [0, start) ‖ [end, length), as
 * written in `byteRange` = [0, start, end, length − end]. The signed record is then written, hex encoded and
 * padded with "0", into the placeholder. The file keeps its length and cross-reference offsets, stays a valid
 * PDF, and changing any byte outside the placeholder changes its SM3.
 */
export interface StampRecordBody {
  format: 'OneSeal-SES_Signature/1';
  stampId: string;
  documentId: string;
  decisionId: string;
  /** The case; absent on a notice a county organ issues outside any case (考核通报). */
  caseId?: string;
  seal: SignedSealRecord;
  stamper: string;
  stampedAt: string;
  documentSm3: string;
  byteRange: [number, number, number, number];
  verificationCode: string;
  properties: {
    /** The case's matter and 办件编号; absent on a notice outside any case. */
    matterCode?: string;
    receiptNumber?: string;
    result: string;
    documentKind: string;
    /** Title and 文号 as printed; absent on decisions stamped before organs numbered their documents. */
    title?: string;
    number?: string;
  };
}

export interface StampRecord {
  tbs: StampRecordBody;
  /** SM2 signature with the seal's key over the canonical JSON of `tbs`. */
  signature: string;
}

export function stampSigningInput(body: StampRecordBody): string {
  return canonicalJson(body);
}

export function signStamp(
  body: StampRecordBody,
  key: { privateKey: string; publicKey: string },
): StampRecord {
  return { tbs: body, signature: sm2Sign(stampSigningInput(body), key.privateKey, key.publicKey) };
}

export function verifyStampSignature(record: StampRecord, publicKey: string): boolean {
  return sm2Verify(stampSigningInput(record.tbs), record.signature, publicKey);
}

/** Room for the record as hex: the embedded seal record (with its SVG picture) dominates its size. */
export const STAMP_PLACEHOLDER_LENGTH = 40_000;
export const STAMP_INFO_KEY = 'OneSealStamp';
const PLACEHOLDER_OPENING = Buffer.from(`(${'0'.repeat(64)}`, 'latin1');
const INFO_ENTRY = Buffer.from(`/${STAMP_INFO_KEY} `, 'latin1');

export function emptyStampPlaceholder(): string {
  return '0'.repeat(STAMP_PLACEHOLDER_LENGTH);
}

export interface PlaceholderLocation {
  /** Offset of the first hex digit. */
  start: number;
  /** Offset just after the last hex digit. */
  end: number;
}

/**
 * Finds the placeholder of an unsigned rendering: the only literal string of STAMP_PLACEHOLDER_LENGTH zeros.
 * pdfkit writes Info values as indirect objects, so the search is for the string itself, checked to be unique.
 */
export function locateEmptyPlaceholder(pdf: Buffer): PlaceholderLocation {
  const first = pdf.indexOf(PLACEHOLDER_OPENING);
  if (first < 0) throw new Error('the rendered document has no stamp placeholder');
  const start = first + 1;
  const end = start + STAMP_PLACEHOLDER_LENGTH;
  if (pdf.subarray(start, end).toString('latin1') !== emptyStampPlaceholder() || pdf[end] !== 0x29) {
    throw new Error('the stamp placeholder was not written at its full length');
  }
  if (pdf.indexOf(PLACEHOLDER_OPENING, end) >= 0) throw new Error('the document has two stamp placeholders');
  return { start, end };
}

export function byteRangeOf(pdf: Buffer, location: PlaceholderLocation): [number, number, number, number] {
  return [0, location.start, location.end, pdf.length - location.end];
}

/** The bytes the document SM3 covers: everything but the placeholder's digits. */
export function signedBytes(pdf: Buffer, byteRange: readonly number[]): Buffer {
  const [offset1, length1, offset2, length2] = byteRange;
  return Buffer.concat([pdf.subarray(offset1, offset1 + length1), pdf.subarray(offset2, offset2 + length2)]);
}

/** Writes the record into the placeholder; the result has the same length as `pdf`. */
export function fillPlaceholder(pdf: Buffer, location: PlaceholderLocation, record: StampRecord): Buffer {
  const hex = Buffer.from(JSON.stringify(record), 'utf8').toString('hex');
  // The same encoding readEmbeddedStamp checks the placeholder against.
  if (hex.length > STAMP_PLACEHOLDER_LENGTH) {
    throw new Error(
      `the stamp record needs ${hex.length} hex digits, the placeholder has ${STAMP_PLACEHOLDER_LENGTH}`,
    );
  }
  const filled = Buffer.from(pdf);
  filled.write(hex.padEnd(STAMP_PLACEHOLDER_LENGTH, '0'), location.start, 'latin1');
  return filled;
}

export interface EmbeddedStamp {
  location: PlaceholderLocation;
  /** Undefined when the placeholder holds no readable record. */
  record?: StampRecord;
  /**
   * The placeholder holds exactly what stamping writes: the record's encoding, then zeros. The placeholder is the one
   * part of the file the signature cannot cover, so any other byte there (spaces in the JSON, digits in the padding)
   * is a change made after stamping.
   */
  canonical: boolean;
}

/** Reads the stamp a stamped PDF carries, or undefined when it carries none. */
export function readEmbeddedStamp(pdf: Buffer): EmbeddedStamp | undefined {
  const entry = pdf.lastIndexOf(INFO_ENTRY);
  if (entry < 0) return undefined;
  // /OneSealStamp <n> 0 R, then the object "<n> 0 obj\n(<hex>)".
  const reference = /^(\d+) 0 R/.exec(
    pdf.subarray(entry + INFO_ENTRY.length, entry + INFO_ENTRY.length + 24).toString('latin1'),
  );
  if (!reference) return undefined;
  const objectStart = pdf.lastIndexOf(Buffer.from(`\n${reference[1]} 0 obj`, 'latin1'));
  if (objectStart < 0) return undefined;
  const open = pdf.indexOf(0x28, objectStart);
  if (open < 0) return undefined;
  const start = open + 1;
  const end = start + STAMP_PLACEHOLDER_LENGTH;
  if (end >= pdf.length || pdf[end] !== 0x29) return undefined;
  const digits = pdf.subarray(start, end).toString('latin1');
  const record = decodeRecord(digits);
  const canonical = !!record && encodeRecord(record) === digits;
  return { location: { start, end }, record, canonical };
}

/** What stamping writes into the placeholder for a record. */
function encodeRecord(record: StampRecord): string {
  return Buffer.from(JSON.stringify(record), 'utf8').toString('hex').padEnd(STAMP_PLACEHOLDER_LENGTH, '0');
}

function decodeRecord(digits: string): StampRecord | undefined {
  if (!/^[0-9a-f]*$/.test(digits) || digits.length % 2 !== 0) return undefined;
  // The record's JSON is UTF-8, which never holds a NUL byte: it ends where the zero padding begins (whatever was
  // written after that is caught by the canonical check).
  const all = Buffer.from(digits, 'hex');
  const end = all.indexOf(0);
  const bytes = end < 0 ? all : all.subarray(0, end);
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
    return isStampRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isStampRecord(value: unknown): value is StampRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StampRecord>;
  const tbs = record.tbs as Partial<StampRecordBody> | undefined;
  return (
    typeof record.signature === 'string' &&
    typeof tbs === 'object' &&
    tbs !== null &&
    tbs.format === 'OneSeal-SES_Signature/1' &&
    typeof tbs.documentSm3 === 'string' &&
    typeof tbs.stampedAt === 'string' &&
    typeof tbs.stamper === 'string' &&
    Array.isArray(tbs.byteRange) &&
    tbs.byteRange.length === 4 &&
    tbs.byteRange.every((n) => Number.isInteger(n) && n >= 0) &&
    typeof tbs.seal === 'object' &&
    tbs.seal !== null &&
    typeof tbs.seal.makerSignature === 'string' &&
    typeof tbs.seal.seal === 'object'
  );
}
