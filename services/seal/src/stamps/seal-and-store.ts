import { randomUUID } from 'node:crypto';
import { sm3Hex } from '@oneseal/gm-crypto';
import type { EntityManager } from 'typeorm';
import type { KeyEncryption } from '../crypto/key-encryption';
import { formatDocumentNumber, type ReservedNumber } from '../documents/document-numbers';
import { appendToLedger, type LedgerLine } from '../ledger/ledger-writer';
import type { OrganSettings } from '../organs/organ-directory';
import type { UsableSeal } from '../seals/active-seal';
import { organStamperId } from '../seals/seal-record';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import { signPdf, type StampFacts } from './sign-pdf';
import { newVerificationCode } from './verification-code';

/** What the page needs that only sealing decides: its 文号, its verification code and when it was issued. */
export interface PageParts {
  number: string;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: Date;
}

/** One document to seal: a case's (受理通知书 …) or a county organ's notice outside any case (考核通报). */
export interface DocumentToSeal {
  /** One document per key: the case's document key, or the notice's key. */
  key: string;
  county: string;
  town: string | null;
  caseId: string | null;
  organ: OrganSettings;
  /** The key's place in the organ's sequence, reserved before the caller's transaction (reserveDocumentNumber). */
  numbered: ReservedNumber;
  seal: UsableSeal;
  requestedBy: string;
  kind: string;
  title: string;
  fileName(number: string): string;
  render(parts: PageParts): Promise<Buffer>;
  /** What the stamp record says the document is, beside its kind, title and 文号. */
  properties: Omit<StampFacts['properties'], 'documentKind' | 'title' | 'number'>;
  /** Further columns of seal.documents, given the issuing time (names are the code's own, never input). */
  columns?: (issuedAt: Date) => Record<string, unknown>;
  /** What the ledger line names besides the place, the seal and the stamp. */
  ledger: Pick<LedgerLine, 'receiptNumber' | 'matterName' | 'requestedByName'>;
}

export interface SealedDocument {
  documentId: string;
  stampId: string;
  number: string;
  verificationCode: string;
  issuedAt: Date;
  documentSm3: string;
  fileName: string;
}

/** Another attempt with the same key committed first: its document is the one. */
export class AlreadySealed extends Error {}

/**
 * The part of issuing every sealed document shares, in the caller's transaction: holds the seal in 启用 until the
 * stamp commits (a deactivation waits, or wins and this is refused), writes the 文号 the key reserved (gapless per
 * organ and year), lays the page out, signs it with the seal's key, stores document and stamp and writes the 用印登记
 * line.
 * Announcing it is the caller's: a case's document and a notice are different events.
 */
export async function sealAndStore(
  manager: EntityManager,
  keys: KeyEncryption,
  publicBaseUrl: string,
  document: DocumentToSeal,
): Promise<SealedDocument> {
  const { seal, organ } = document;
  const [locked] = (await manager.query(`SELECT status FROM seal.seals WHERE id = $1 FOR SHARE`, [
    seal.id,
  ])) as { status: string }[];
  if (locked?.status !== '启用') throw new SealError(SealErrorCode.NOT_ACTIVE);
  const issuedAt = new Date();
  const number = formatDocumentNumber(organ.numberPattern, document.numbered.year, document.numbered.n);
  const documentId = randomUUID();
  const stampId = randomUUID();
  const verificationCode = newVerificationCode();
  const unsigned = await document.render({
    number,
    verificationCode,
    verificationUrl: `${publicBaseUrl.replace(/\/+$/, '')}/#/verify/${verificationCode}`,
    issuedAt,
  });
  const stamper = organStamperId(seal.organ);
  const { pdf, record } = signPdf(
    unsigned,
    {
      format: 'OneSeal-SES_Signature/1',
      stampId,
      documentId,
      decisionId: document.key,
      ...(document.caseId ? { caseId: document.caseId } : {}),
      seal: seal.record,
      stamper,
      stampedAt: issuedAt.toISOString(),
      verificationCode,
      properties: { ...document.properties, documentKind: document.kind, title: document.title, number },
    },
    { privateKey: keys.decrypt(seal.privateKeyEncrypted, seal.id), publicKey: seal.publicKey },
  );
  const fileName = document.fileName(number);
  const extra = Object.entries(document.columns?.(issuedAt) ?? {});
  const values: unknown[] = [
    documentId,
    document.key,
    document.caseId,
    document.county,
    document.town,
    seal.organ,
    document.kind,
    document.title,
    number,
    fileName,
    issuedAt,
    pdf,
    sm3Hex(pdf),
    ...extra.map(([, value]) => value),
  ];
  // Another attempt with the same key stored its document first: the same key (decision_id), and since the number is
  // the key's reservation, the same 文号 too — whichever of the two unique indexes PostgreSQL checks first.
  const inserted = (await manager.query(
    `INSERT INTO seal.documents (id, decision_id, case_id, county, town, organ, kind, title, number, file_name,
                                 issued_at, pdf, sm3${extra.map(([column]) => `, ${column}`).join('')})
     VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')})
     ON CONFLICT DO NOTHING RETURNING id`,
    values,
  )) as unknown[];
  if (inserted.length === 0) throw new AlreadySealed();
  await manager.query(
    `INSERT INTO seal.stamps (id, decision_id, document_id, seal_id, case_id, county, town, stamper, requested_by,
                              stamped_at, document_sm3, signature, verification_code, record)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      stampId,
      document.key,
      documentId,
      seal.id,
      document.caseId,
      document.county,
      document.town,
      stamper,
      document.requestedBy,
      issuedAt,
      record.tbs.documentSm3,
      record.signature,
      verificationCode,
      JSON.stringify(record),
    ],
  );
  await appendToLedger(manager, {
    entry: 'stamped',
    county: document.county,
    town: document.town,
    organ: seal.organ,
    sealId: seal.id,
    caseId: document.caseId,
    decisionId: document.key,
    documentId,
    stampId,
    stamper,
    requestedBy: document.requestedBy,
    ...document.ledger,
  });
  return {
    documentId,
    stampId,
    number,
    verificationCode,
    issuedAt,
    documentSm3: record.tbs.documentSm3,
    fileName,
  };
}
