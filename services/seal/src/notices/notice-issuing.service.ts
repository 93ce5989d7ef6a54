import { randomUUID } from 'node:crypto';
import {
  noticeIssuedV1,
  personActor,
  type IssueNoticeRequest,
  type IssuedNotice,
  type NoticeKind,
} from '@oneseal/contracts';
import type { AuthUser } from '@oneseal/auth';
import { enqueueEvent } from '@oneseal/database';
import { chinaDate, countyUnitCode } from '@oneseal/domain';
import { sm3Hex } from '@oneseal/gm-crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { SEAL_SCHEMA } from '../config/seal.env';
import type { KeyEncryption } from '../crypto/key-encryption';
import { formatDocumentNumber, nextDocumentNumber } from '../documents/document-numbers';
import { organSealGeometry } from '../drawing/seal-geometry';
import { appendToLedger } from '../ledger/ledger-writer';
import { organOrFail } from '../organs/issuing-organs';
import type { OrganSettings } from '../organs/organ-directory';
import { activeSealOf, type UsableSeal } from '../seals/active-seal';
import { organStamperId } from '../seals/seal-record';
import { SealError, SealErrorCode, sealErrorMessage } from '../seals/seals.errors';
import { signPdf } from '../stamps/sign-pdf';
import { newVerificationCode } from '../stamps/verification-code';
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
 * 文号 sequence, laid out, signed, stored, written in the 用印登记 and announced, all in one transaction. One notice
 * per key: asking again answers the notice already issued and takes no number. Without the organ's seal in force
 * nothing is issued, and the refusal is in the ledger.
 */
export class NoticeIssuingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryption,
    private readonly publicBaseUrl: string,
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
      await appendToLedger(this.dataSource.manager, {
        ...this.ledgerPlace(request, organ, requestedBy),
        entry: 'refused',
        sealId: null,
        reasonCode: SealErrorCode.NO_ACTIVE_BUREAU_SEAL,
        reason: sealErrorMessage(SealErrorCode.NO_ACTIVE_BUREAU_SEAL),
      });
      throw new SealError(SealErrorCode.NO_ACTIVE_BUREAU_SEAL);
    }
    try {
      return await this.dataSource.transaction((manager) =>
        this.issueWith(manager, request, organ, seal, requestedBy),
      );
    } catch (error) {
      // Another request with the same key committed first (the unique decision_id): its notice is the one.
      const first = await this.findIssued(request.noticeKey);
      if (first) return issuedNotice(first, false);
      throw error;
    }
  }

  private async issueWith(
    manager: EntityManager,
    request: IssueNoticeRequest,
    organ: OrganSettings,
    seal: UsableSeal,
    requestedBy: AuthUser,
  ): Promise<IssuedNotice> {
    const [locked] = (await manager.query(`SELECT status FROM seal.seals WHERE id = $1 FOR SHARE`, [
      seal.id,
    ])) as { status: string }[];
    if (locked?.status !== '启用') throw new SealError(SealErrorCode.NOT_ACTIVE);
    const issuedAt = new Date();
    const year = Number(chinaDate(issuedAt).slice(0, 4));
    const number = formatDocumentNumber(
      organ.numberPattern,
      year,
      await nextDocumentNumber(manager, organ.code, year),
    );
    const documentId = randomUUID();
    const stampId = randomUUID();
    const verificationCode = newVerificationCode();
    const unsigned = await renderNotice({
      text: request.text,
      issuerName: organ.name,
      number,
      seal: organSealGeometry(seal.organName),
      verificationCode,
      verificationUrl: `${this.publicBaseUrl.replace(/\/+$/, '')}/#/verify/${verificationCode}`,
      issuedAt,
    });
    const { pdf, record } = signPdf(
      unsigned,
      {
        format: 'OneSeal-SES_Signature/1',
        stampId,
        documentId,
        decisionId: request.noticeKey,
        seal: seal.record,
        stamper: organStamperId(organ.code),
        stampedAt: issuedAt.toISOString(),
        verificationCode,
        properties: {
          result: request.text.title,
          documentKind: request.kind,
          title: request.text.title,
          number,
        },
      },
      { privateKey: this.keys.decrypt(seal.privateKeyEncrypted, seal.id), publicKey: seal.publicKey },
    );
    const fileName = noticeFileName(organ.name, request.text.title, number);
    await manager.query(
      `INSERT INTO seal.documents (id, decision_id, case_id, county, town, organ, kind, title, number, file_name,
                                   issued_at, published_at, pdf, sm3)
       VALUES ($1, $2, NULL, $3, NULL, $4, $5, $6, $7, $8, $9, $9, $10, $11)`,
      [
        documentId,
        request.noticeKey,
        request.county,
        organ.code,
        request.kind,
        request.text.title,
        number,
        fileName,
        issuedAt,
        pdf,
        sm3Hex(pdf),
      ],
    );
    await manager.query(
      `INSERT INTO seal.stamps (id, decision_id, document_id, seal_id, case_id, county, town, stamper, requested_by,
                                stamped_at, document_sm3, signature, verification_code, record)
       VALUES ($1, $2, $3, $4, NULL, $5, NULL, $6, $7, $8, $9, $10, $11, $12)`,
      [
        stampId,
        request.noticeKey,
        documentId,
        seal.id,
        request.county,
        organStamperId(organ.code),
        requestedBy.id,
        issuedAt,
        record.tbs.documentSm3,
        record.signature,
        verificationCode,
        JSON.stringify(record),
      ],
    );
    await appendToLedger(manager, {
      ...this.ledgerPlace(request, organ, requestedBy),
      entry: 'stamped',
      sealId: seal.id,
      documentId,
      stampId,
    });
    await enqueueEvent(manager, SEAL_SCHEMA, noticeIssuedV1, {
      subject: documentId,
      county: request.county,
      actor: { ...personActor(requestedBy), role: 'admin' },
      correlationId: request.noticeKey,
      payload: {
        documentId,
        kind: request.kind,
        county: request.county,
        organ: organ.code,
        issuerName: organ.name,
        title: request.text.title,
        number,
        stampId,
        sealId: seal.id,
        documentSm3: record.tbs.documentSm3,
        verificationCode,
        issuedAt: issuedAt.toISOString(),
      },
    });
    return {
      documentId,
      kind: request.kind,
      county: request.county,
      title: request.text.title,
      number,
      issuerName: organ.name,
      issuedAt: issuedAt.toISOString(),
      verificationCode,
      fileName,
      created: true,
    };
  }

  /** A notice's ledger line names no case and no town; the keeper reads its title where a case's matter would be. */
  private ledgerPlace(request: IssueNoticeRequest, organ: OrganSettings, requestedBy: AuthUser) {
    return {
      county: request.county,
      town: null,
      organ: organ.code,
      caseId: null,
      decisionId: request.noticeKey,
      stamper: organStamperId(organ.code),
      requestedBy: requestedBy.id,
      requestedByName: requestedBy.name,
      matterName: request.text.title,
    };
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
