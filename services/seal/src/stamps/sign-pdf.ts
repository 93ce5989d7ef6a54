import { sm3Hex } from '@oneseal/gm-crypto';
import {
  byteRangeOf,
  fillPlaceholder,
  locateEmptyPlaceholder,
  signedBytes,
  signStamp,
  type StampRecord,
  type StampRecordBody,
} from './stamp-record';

export type StampFacts = Omit<StampRecordBody, 'documentSm3' | 'byteRange'>;

/**
 * Signs a rendering that carries an empty stamp placeholder: digests everything but the placeholder, signs the
 * stamp record with the seal's key, and writes the record into the placeholder.
 */
export function signPdf(
  unsigned: Buffer,
  facts: StampFacts,
  sealKey: { privateKey: string; publicKey: string },
): { pdf: Buffer; record: StampRecord } {
  const placeholder = locateEmptyPlaceholder(unsigned);
  const byteRange = byteRangeOf(unsigned, placeholder);
  const record = signStamp(
    { ...facts, byteRange, documentSm3: sm3Hex(signedBytes(unsigned, byteRange)) },
    sealKey,
  );
  return { pdf: fillPlaceholder(unsigned, placeholder, record), record };
}
