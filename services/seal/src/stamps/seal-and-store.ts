import type { EventContract } from '@oneseal/contracts';
import {
  changeAndEnqueueEvent,
  timeOrderedUuid,
  type NewEvent,
  type ReturningChange,
} from '@oneseal/database';
import { sm3Hex } from '@oneseal/gm-crypto';
import type { DataSource } from 'typeorm';
import { SEAL_SCHEMA } from '../config/seal.env';
import type { KeyEncryption } from '../crypto/key-encryption';
import type { DocumentPdfs } from './document-pdfs';
import { formatDocumentNumber, type ReservedNumber } from '../documents/document-numbers';
import { ledgerInsertFrom, type LedgerLine } from '../ledger/ledger-writer';
import type { OrganSettings } from '../organs/organ-directory';
import type { UsableSeal } from '../seals/active-seal';
import { organStamperId } from '../seals/seal-record';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import { signPdf, type StampFacts } from './sign-pdf';
import type { StampRecord } from './stamp-record';
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
  /** The key's place in the organ's sequence, reserved first (reserveDocumentNumber). */
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

/** What sealing needs besides the document: the database, the seals' key encryption, where PDFs are kept, the site. */
export interface SealingPlace {
  dataSource: DataSource;
  keys: KeyEncryption;
  pdfs: DocumentPdfs;
  publicBaseUrl: string;
}

/** Another attempt with the same key committed first: its document is the one. */
export class AlreadySealed extends Error {}

/** The event that announces a stored document (the caller's: a case's document and a notice are different events). */
export interface Announcement<TPayload extends object> {
  contract: EventContract<TPayload>;
  event: NewEvent<TPayload>;
}

/**
 * The part of issuing every sealed document shares: writes the 文号 the key reserved (gapless per organ and year), lays
 * the page out and signs it with the seal's key, then in one statement — so in one transaction, without holding
 * anything while the page is laid out — stores document and stamp, writes the 用印登记 line and records the event
 * `announce` names, all only while the seal is in 启用 (held FOR SHARE: a deactivation waits for the statement, or
 * commits first and this is refused with NOT_ACTIVE).
 */
export async function sealAndStore<TPayload extends object>(
  { dataSource, keys, pdfs, publicBaseUrl }: SealingPlace,
  document: DocumentToSeal,
  announce: (sealed: SealedDocument) => Announcement<TPayload>,
): Promise<SealedDocument> {
  const signed = await signDocument(keys, publicBaseUrl, document);
  const { contract, event } = announce(signed.sealed);
  const sm3 = sm3Hex(signed.pdf);
  // Kept before the row that names it commits (see PdfsInFolder).
  const stored = { pdf: await pdfs.keep(signed.pdf, sm3), sm3 };
  const recorded = await changeAndEnqueueEvent(
    dataSource,
    SEAL_SCHEMA,
    contract,
    storingSigned(document, signed, stored),
    event,
  );
  if (!recorded) {
    // Certainly not stored (the statement wrote nothing); after an error it may have been, so the file stays then.
    await pdfs.discard(sm3);
    throw await whyNotStored(dataSource, document);
  }
  return signed.sealed;
}

interface SignedDocument {
  sealed: SealedDocument;
  pdf: Buffer;
  record: StampRecord;
  stamper: string;
}

async function signDocument(
  keys: KeyEncryption,
  publicBaseUrl: string,
  document: DocumentToSeal,
): Promise<SignedDocument> {
  const { seal, organ } = document;
  const issuedAt = new Date();
  const number = formatDocumentNumber(organ.numberPattern, document.numbered.year, document.numbered.n);
  const documentId = timeOrderedUuid();
  const stampId = timeOrderedUuid();
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
  return {
    sealed: {
      documentId,
      stampId,
      number,
      verificationCode,
      issuedAt,
      documentSm3: record.tbs.documentSm3,
      fileName: document.fileName(number),
    },
    pdf,
    record,
    stamper,
  };
}

/**
 * The seal held in 启用, the document (nothing when the key or its 文号 is stored already), its stamp, and — as the
 * change the event follows — its ledger line: each step writes only if the one before did.
 */
function storingSigned(
  document: DocumentToSeal,
  { sealed, record, stamper }: SignedDocument,
  stored: { pdf: Buffer | null; sm3: string },
): ReturningChange {
  const params: unknown[] = [];
  const add = (value: unknown) => `$${params.push(value)}`;
  const { seal } = document;
  const documentColumns: [string, unknown][] = [
    ['id', sealed.documentId],
    ['decision_id', document.key],
    ['case_id', document.caseId],
    ['county', document.county],
    ['town', document.town],
    ['organ', seal.organ],
    ['kind', document.kind],
    ['title', document.title],
    ['number', sealed.number],
    ['file_name', sealed.fileName],
    ['issued_at', sealed.issuedAt],
    ['pdf', stored.pdf],
    ['sm3', stored.sm3],
    ...Object.entries(document.columns?.(sealed.issuedAt) ?? {}),
  ];
  const stampColumns: [string, unknown][] = [
    ['id', sealed.stampId],
    ['decision_id', document.key],
    ['document_id', sealed.documentId],
    ['seal_id', seal.id],
    ['case_id', document.caseId],
    ['county', document.county],
    ['town', document.town],
    ['stamper', stamper],
    ['requested_by', document.requestedBy],
    ['stamped_at', sealed.issuedAt],
    ['document_sm3', record.tbs.documentSm3],
    ['signature', record.signature],
    ['verification_code', sealed.verificationCode],
    ['record', JSON.stringify(record)],
  ];
  const insert = (table: string, columns: [string, unknown][], from: string) =>
    `INSERT INTO seal.${table} (${columns.map(([column]) => column).join(', ')})
     SELECT ${columns.map(([, value]) => add(value)).join(', ')} FROM ${from}`;
  // Another attempt with the same key stored its document first: the same key (decision_id), and since the number is
  // the key's reservation, the same 文号 too — whichever of the two unique indexes PostgreSQL checks first.
  const steps = `usable AS (SELECT id FROM seal.seals WHERE id = ${add(seal.id)} AND status = '启用' FOR SHARE),
    stored AS (${insert('documents', documentColumns, 'usable')} ON CONFLICT DO NOTHING RETURNING id),
    stamped AS (${insert('stamps', stampColumns, 'stored')} RETURNING id)`;
  const ledger = ledgerInsertFrom(
    'stamped',
    {
      entry: 'stamped',
      county: document.county,
      town: document.town,
      organ: seal.organ,
      sealId: seal.id,
      caseId: document.caseId,
      decisionId: document.key,
      documentId: sealed.documentId,
      stampId: sealed.stampId,
      stamper,
      requestedBy: document.requestedBy,
      ...document.ledger,
    },
    add,
  );
  return { steps, sql: `${ledger} RETURNING entry`, params };
}

/**
 * Nothing was stored: another attempt with the same key stored its document first (AlreadySealed), or the seal left
 * 启用 (refused). Neither — the seal in force again by now, or the 文号 held by another document — is an error to retry.
 */
async function whyNotStored(dataSource: DataSource, document: DocumentToSeal): Promise<Error> {
  const [found] = (await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM seal.documents WHERE decision_id = $1) AS stored,
            (SELECT status FROM seal.seals WHERE id = $2) AS status`,
    [document.key, document.seal.id],
  )) as { stored: boolean; status: string | null }[];
  if (found?.stored) return new AlreadySealed();
  if (found?.status !== '启用') return new SealError(SealErrorCode.NOT_ACTIVE);
  return new Error(`document ${document.key} was not stored though its seal is in force; try again`);
}
