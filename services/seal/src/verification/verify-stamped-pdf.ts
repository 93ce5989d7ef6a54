import { canonicalJson } from '@oneseal/domain';
import { sm3Hex } from '@oneseal/gm-crypto';
import { verifySealRecord, type SignedSealRecord } from '../seals/seal-record';
import {
  byteRangeOf,
  readEmbeddedStamp,
  signedBytes,
  verifyStampSignature,
  type StampRecord,
} from '../stamps/stamp-record';
import { verdict, type StampSummary, type VerificationResult } from './verification-result';

/** What the verifier trusts about a seal: its record as registered, the maker's key, when it was in force. */
export interface TrustedSeal {
  record: SignedSealRecord;
  makerPublicKey: string;
  /** 启用 … 停用/封存 as the registry recorded them; absent offline, where only the record's validity counts. */
  activeFrom?: Date | null;
  activeUntil?: Date | null;
}

export type SealLookup = (sealId: string) => Promise<TrustedSeal | undefined>;

/** A stamp as the registry recorded it when the server stamped: which document (its SM3), which seal, when. */
export interface RegisteredStamp {
  documentSm3: string;
  sealId: string;
  stampedAt: Date;
}

export type StampLookup = (stampId: string) => Promise<RegisteredStamp | undefined>;

export function stampSummary(record: StampRecord): StampSummary {
  const { tbs } = record;
  return {
    stampId: tbs.stampId,
    documentId: tbs.documentId,
    ...(tbs.caseId ? { caseId: tbs.caseId } : {}),
    ...(tbs.properties.receiptNumber ? { receiptNumber: tbs.properties.receiptNumber } : {}),
    sealId: tbs.seal.seal.esId,
    sealName: tbs.seal.seal.name,
    stamper: tbs.stamper,
    stampedAt: tbs.stampedAt,
    documentSm3: tbs.documentSm3,
    verificationCode: tbs.verificationCode,
    ...(tbs.properties.title ? { title: tbs.properties.title } : {}),
    ...(tbs.properties.number ? { number: tbs.properties.number } : {}),
  };
}

function sameRecord(a: SignedSealRecord, b: SignedSealRecord): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function withinActivity(at: Date, trusted: TrustedSeal): boolean {
  const { seal } = trusted.record;
  if (at < new Date(seal.validFrom) || at > new Date(seal.validTo)) return false;
  if (trusted.activeFrom === undefined) return true;
  if (!trusted.activeFrom || at < trusted.activeFrom) return false;
  return !trusted.activeUntil || at < trusted.activeUntil;
}

/**
 * Verifies a stamped PDF as GB/T 38540 describes (stamp signature, stamper against the seal, the seal maker's
 * signature, the seal's validity at stamping time, the document digest), against seals the caller trusts: the
 * registry online, an exported seal record offline. Online the stamp must also be in the stamp registry for this
 * very document, and the seal in force at the time the server recorded — never the time the signer claims (a
 * stolen key could sign any date).
 */
export async function verifyStampedPdf(
  pdf: Buffer,
  lookupSeal: SealLookup,
  lookupStamp?: StampLookup,
): Promise<VerificationResult> {
  const embedded = readEmbeddedStamp(pdf);
  if (!embedded?.record) return verdict('NOT_STAMPED');
  const record = embedded.record;
  const summary = stampSummary(record);
  const { tbs } = record;
  if (!embedded.canonical) return verdict('ALTERED', summary);

  const expectedRange = byteRangeOf(pdf, embedded.location);
  if (tbs.byteRange.some((value, index) => value !== expectedRange[index]))
    return verdict('ALTERED', summary);
  if (sm3Hex(signedBytes(pdf, tbs.byteRange)) !== tbs.documentSm3) return verdict('ALTERED', summary);

  const trusted = await lookupSeal(tbs.seal.seal.esId);
  if (!trusted) return verdict('UNKNOWN_SEAL', summary);
  if (!sameRecord(trusted.record, tbs.seal) || !verifySealRecord(tbs.seal, trusted.makerPublicKey)) {
    return verdict('BAD_SIGNATURE', summary);
  }
  const signer = tbs.seal.seal.signers.find((candidate) => candidate.id === tbs.stamper);
  if (!signer || !verifyStampSignature(record, signer.publicKey)) return verdict('BAD_SIGNATURE', summary);

  let stampedAt = new Date(tbs.stampedAt);
  if (lookupStamp) {
    const registered = await lookupStamp(tbs.stampId);
    if (
      !registered ||
      registered.documentSm3 !== tbs.documentSm3 ||
      registered.sealId !== tbs.seal.seal.esId
    ) {
      return verdict('NOT_REGISTERED', summary);
    }
    stampedAt = registered.stampedAt;
  }
  if (Number.isNaN(stampedAt.getTime()) || !withinActivity(stampedAt, trusted)) {
    return verdict('SEAL_NOT_ACTIVE', summary);
  }
  return verdict('VALID', summary);
}
