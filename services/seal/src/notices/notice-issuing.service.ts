import {
  noticeIssuedV1,
  personActor,
  type IssueNoticeRequest,
  type IssuedNotice,
  type NoticeKind,
} from '@oneseal/contracts';
import type { AuthUser } from '@oneseal/auth';
import { countyUnitCode } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import type { KeyEncryption } from '../crypto/key-encryption';
import {
  KeyNumberedElsewhere,
  reserveDocumentNumber,
  type ReservedNumber,
} from '../documents/document-numbers';
import { organSealGeometry } from '../drawing/seal-geometry';
import { appendToLedger } from '../ledger/ledger-writer';
import { organOrFail } from '../organs/issuing-organs';
import type { OrganSettings } from '../organs/organ-directory';
import { activeSealOf, type UsableSeal } from '../seals/active-seal';
import { organStamperId } from '../seals/seal-record';
import { SealError, SealErrorCode, sealErrorMessage } from '../seals/seals.errors';
import type { DocumentPdfs } from '../stamps/document-pdfs';
import { AlreadySealed, sealAndStore } from '../stamps/seal-and-store';
import { renderNotice } from './render-notice';

const MAX_CELL_CHARACTERS = 60;

/** Every row as wide as the header, every cell plain text a line or two long. */
function tableIsWhole(request: IssueNoticeRequest): boolean {
  const { table } = request.text;
  if (!table) return true;
  return table.rows.every(
    (row) =>
      row.length === table.columns.length &&
      row.every((cell) => typeof cell === 'string' && [...cell].length <= MAX_CELL_CHARACTERS),
  );
}

/** 泽州县行政审批服务管理局-关于2026年11月…的通报-泽审批〔2026〕3号.pdf */
const noticeFileName = (issuerName: string, title: string, number: string) =>
  `${issuerName}-${title}-${number}.pdf`;

interface IssuedRow {
  id: string;
  kind: NoticeKind;
  county: string;
  title: string;
  number: string;
  file_name: string;
  issued_at: Date;
  verification_code: string;
  issuer_name: string;
}

const issuedNotice = (row: IssuedRow, created: boolean): IssuedNotice => ({
  documentId: row.id,
  kind: row.kind,
  county: row.county,
  title: row.title,
  number: row.number,
  issuerName: row.issuer_name,
  issuedAt: row.issued_at.toISOString(),
  verificationCode: row.verification_code,
  fileName: row.file_name,
  created,
});

/**
 * A county's 行政审批服务管理局 issues a notice (考核通报) under its own seal and publishes it: numbered in the organ's
 * 文号 sequence, laid out, signed, stored, written in the 用印登记 and announced (the last three in one statement). One notice
 * per key: asking again answers the notice already issued and takes no number. Without the organ's seal in force
 * nothing is issued, and the refusal is in the ledger.
 */
export class NoticeIssuingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryption,
    private readonly publicBaseUrl: string,
    private readonly pdfs: DocumentPdfs,
  ) {}

  async issue(requestedBy: AuthUser, request: IssueNoticeRequest): Promise<IssuedNotice> {
    if (!tableIsWhole(request)) throw new SealError(SealErrorCode.NOTICE_TABLE_INVALID);
    const earlier = await this.findIssued(request.noticeKey);
    if (earlier) {
      if (earlier.county !== request.county) throw new SealError(SealErrorCode.NOTICE_KEY_TAKEN);
      return issuedNotice(earlier, false);
    }
    // The county's 行政审批服务管理局 (county-units.tsv: xzsp) issues the county's notices under its own seal.
    const organ = await organOrFail(this.dataSource.manager, countyUnitCode(request.county, 'xzsp'));
    const seal = await activeSealOf(this.dataSource, organ.code, 'bureau');
    if (!seal) {
      await this.recordRefusal(request, organ, requestedBy, null, SealErrorCode.NO_ACTIVE_BUREAU_SEAL);
      throw new SealError(SealErrorCode.NO_ACTIVE_BUREAU_SEAL);
    }
    // A case document's key numbers nothing here: the notice is refused before it could take a number of its own.
    if (await this.isCaseDocumentKey(request.noticeKey)) throw new SealError(SealErrorCode.NOTICE_KEY_TAKEN);
    try {
      const numbered = await reserveDocumentNumber(this.dataSource, request.noticeKey, organ.code);
      return await this.issueNumbered(request, organ, numbered, seal, requestedBy);
    } catch (error) {
      // Another request with the same key committed first: its notice is the one — if it is this county's.
      const first = await this.findIssued(request.noticeKey);
      if (first) {
        if (first.county !== request.county) throw new SealError(SealErrorCode.NOTICE_KEY_TAKEN);
        return issuedNotice(first, false);
      }
      // The key is a case document's.
      if (error instanceof AlreadySealed || error instanceof KeyNumberedElsewhere)
        throw new SealError(SealErrorCode.NOTICE_KEY_TAKEN);
      // The seal was taken out of use while this notice was being laid out: refused, and on the record.
      if (error instanceof SealError && error.code === SealErrorCode.NOT_ACTIVE)
        await this.recordRefusal(request, organ, requestedBy, seal.id, error.code);
      throw error;
    }
  }

  private async issueNumbered(
    request: IssueNoticeRequest,
    organ: OrganSettings,
    numbered: ReservedNumber,
    seal: UsableSeal,
    requestedBy: AuthUser,
  ): Promise<IssuedNotice> {
    const { title } = request.text;
    const sealed = await sealAndStore(
      { dataSource: this.dataSource, keys: this.keys, pdfs: this.pdfs, publicBaseUrl: this.publicBaseUrl },
      {
        key: request.noticeKey,
        county: request.county,
        town: null,
        caseId: null,
        organ,
        numbered,
        seal,
        requestedBy: requestedBy.id,
        kind: request.kind,
        title,
        fileName: (number) => noticeFileName(organ.name, title, number),
        render: (parts) =>
          renderNotice({
            ...parts,
            text: request.text,
            issuerName: organ.name,
            seal: organSealGeometry(seal.organName),
          }),
        properties: { result: title },
        // Published the moment it is issued (政务公开); kept apart for a notice taken down later.
        columns: (issuedAt) => ({ published_at: issuedAt }),
        ledger: this.ledgerNames(request, requestedBy),
      },
      (stored) => ({
        contract: noticeIssuedV1,
        event: {
          subject: stored.documentId,
          county: request.county,
          actor: { ...personActor(requestedBy), role: 'admin' },
          correlationId: request.noticeKey,
          payload: {
            documentId: stored.documentId,
            kind: request.kind,
            county: request.county,
            organ: organ.code,
            issuerName: organ.name,
            title,
            number: stored.number,
            stampId: stored.stampId,
            sealId: seal.id,
            documentSm3: stored.documentSm3,
            verificationCode: stored.verificationCode,
            issuedAt: stored.issuedAt.toISOString(),
          },
        },
      }),
    );
    return {
      documentId: sealed.documentId,
      kind: request.kind,
      county: request.county,
      title,
      number: sealed.number,
      issuerName: organ.name,
      issuedAt: sealed.issuedAt.toISOString(),
      verificationCode: sealed.verificationCode,
      fileName: sealed.fileName,
      created: true,
    };
  }

  private async recordRefusal(
    request: IssueNoticeRequest,
    organ: OrganSettings,
    requestedBy: AuthUser,
    sealId: string | null,
    code: SealErrorCode,
  ): Promise<void> {
    await appendToLedger(this.dataSource.manager, {
      entry: 'refused',
      county: request.county,
      town: null,
      organ: organ.code,
      sealId,
      caseId: null,
      decisionId: request.noticeKey,
      stamper: organStamperId(organ.code),
      requestedBy: requestedBy.id,
      ...this.ledgerNames(request, requestedBy),
      reasonCode: code,
      reason: sealErrorMessage(code),
    });
  }

  /** A notice's ledger line names no case and no town; the keeper reads its title where a case's matter would be. */
  private ledgerNames(request: IssueNoticeRequest, requestedBy: AuthUser) {
    return { matterName: request.text.title, requestedByName: requestedBy.name };
  }

  private async isCaseDocumentKey(key: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM seal.documents WHERE decision_id = $1 AND case_id IS NOT NULL`,
      [key],
    )) as unknown[];
    return rows.length > 0;
  }

  private async findIssued(noticeKey: string): Promise<IssuedRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT d.id, d.kind, d.county, d.title, d.number, d.file_name, d.issued_at, s.verification_code,
              o.name AS issuer_name
         FROM seal.documents d
         JOIN seal.stamps s ON s.document_id = d.id
         JOIN seal.issuing_organs o ON o.code = d.organ
        WHERE d.decision_id = $1 AND d.case_id IS NULL`,
      [noticeKey],
    )) as IssuedRow[];
    return row;
  }
}
