import { canonicalJson } from '@oneseal/domain';
import { sm2Sign, sm2Verify } from '@oneseal/gm-crypto';

/**
 * An electronic seal shaped like GB/T 38540's SESeal: the seal information (id, type, name, who may stamp with
 * it, validity, picture) signed by the county's seal maker. Carried inside every stamp, so a stamped document
 * can be checked with nothing but the seal maker's public key.
 */
export interface SealRecordBody {
  format: 'OneSeal-SESeal/1';
  /** The seal's id in the registry (esID). */
  esId: string;
  /** GB/T 38540 seal type 1: an organisation's seal (单位印章). */
  type: { code: 1; name: '单位印章'; purpose: string };
  name: string;
  county: string;
  /** The organ the seal stands for: a town's 9-digit code, or a county bureau's (140525-mz). */
  town: string;
  /** Who may stamp with this seal: the seal service acting for the organ, with the seal's own SM2 key. */
  signers: { id: string; publicKey: string }[];
  validFrom: string;
  validTo: string;
  picture: { type: 'svg'; widthMm: number; heightMm: number; data: string };
  maker: { id: string; name: string; publicKey: string };
  madeAt: string;
}

export interface SignedSealRecord {
  seal: SealRecordBody;
  /** SM2 signature of the seal maker over the canonical JSON of `seal`. */
  makerSignature: string;
}

export function sealRecordSigningInput(body: SealRecordBody): string {
  return canonicalJson(body);
}

export function signSealRecord(
  body: SealRecordBody,
  maker: { privateKey: string; publicKey: string },
): SignedSealRecord {
  if (body.maker.publicKey !== maker.publicKey) {
    throw new Error('a seal record is signed by the maker it names');
  }
  return {
    seal: body,
    makerSignature: sm2Sign(sealRecordSigningInput(body), maker.privateKey, maker.publicKey),
  };
}

/** True when the record was signed by the holder of `trustedMakerPublicKey` and names that maker. */
export function verifySealRecord(record: SignedSealRecord, trustedMakerPublicKey: string): boolean {
  return (
    record.seal.maker.publicKey === trustedMakerPublicKey &&
    sm2Verify(sealRecordSigningInput(record.seal), record.makerSignature, trustedMakerPublicKey)
  );
}

/** The identity under which the seal service stamps for an organ, town or bureau (the seal record's only signer). */
export function organStamperId(organ: string): string {
  return `oneseal-seal:${organ}`;
}

export function countySealMakerId(county: string): string {
  return `county-seal-maker:${county}`;
}
