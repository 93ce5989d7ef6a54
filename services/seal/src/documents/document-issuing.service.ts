import {
  documentStampedV1,
  type IssueDocumentInput,
  type IssuedDocument,
  type StampDecisionInput,
} from '@oneseal/contracts';
import { resultWording } from '@oneseal/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { KeyEncryption } from '../crypto/key-encryption';
import type { DivisionNames } from '../divisions/division-names';
import { approvalSealGeometry, organSealGeometry } from '../drawing/seal-geometry';
import { appendToLedger } from '../ledger/ledger-writer';
import { findOrgan, organOrFail, registerOrgans } from '../organs/issuing-organs';
import { townOrganDefaults, type OrganSettings } from '../organs/organ-directory';
import { organStamperId } from '../seals/seal-record';
import { activeSealOf, type UsableSeal } from '../seals/active-seal';
import { Seal } from '../seals/seal.entity';
import { SealError, SealErrorCode, sealErrorMessage } from '../seals/seals.errors';
import type { DocumentPdfs } from '../stamps/document-pdfs';
import { AlreadySealed, sealAndStore } from '../stamps/seal-and-store';
import { reserveDocumentNumber, type ReservedNumber } from './document-numbers';
import { composeDocument, documentTitleOf, type DocumentContext } from './document-text';
import { renderCaseDocument } from './render-document';

export interface IssueOptions {
  /** The seal a person asked to stamp with; the issuing organ's one active seal is the only one accepted. */
  sealId?: string;
  /** Who asked for the impression (recorded in the ledger); the person who handled the act when the workflow asks. */
  requestedBy?: string;
}

/** 张三 → 张*, 欧阳小明 → 欧***: what a public verification shows of the applicant (enough to compare a copy). */
export function maskedName(name: string): string {
  const characters = [...name.trim()];
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

/** The refusals that only the seal registry can lift (the case waits for the seal, retrying). */
export const SEAL_NOT_ACTIVE_REFUSALS: readonly SealErrorCode[] = [
  SealErrorCode.NO_ACTIVE_SEAL,
  SealErrorCode.NO_ACTIVE_BUREAU_SEAL,
  SealErrorCode.NOT_ACTIVE,
];

/** The organ that issues a document: the case's town, or the county bureau the workflow names. */
export function issuingOrganOf(input: Pick<IssueDocumentInput, 'issuer' | 'town'>): string {
  return input.issuer.level === 'town' ? input.town : input.issuer.unitCode;
}

/** 140525-20261205-000135-受理通知书.pdf: the case's 办件编号 and what the document is. */
export function documentFileName(receiptNumber: string, title: string): string {
  return `${receiptNumber}-${title}.pdf`;
}

/** A decision of a case started before documents were issued per organ: the town's decision, as before. */
export function decisionAsDocument(input: StampDecisionInput): IssueDocumentInput {
  return {
    caseId: input.caseId,
    county: input.county,
    town: input.town,
    correlationId: input.correlationId,
    documentKey: input.decisionId,
    issuer: { level: 'town' },
    receiptNumber: input.receiptNumber,
    matterCode: input.matterCode,
    matterName: input.matterName,
    applicantName: input.applicantName,
    handledBy: {
      id: input.decidedBy,
      ...(input.decidedByName ? { name: input.decidedByName } : {}),
      title: '分管领导',
    },
    issuedAt: input.decidedAt,
    content: { kind: 'decision', result: input.result, opinion: input.opinion },
  };
}

/**
 * Issues one document of a case under its issuing organ's one active seal: numbers it (文号, gapless per organ and
 * year, reserved for its key first), then writes its text, lays it out, signs it (stamp-record.ts), stores it,
 * registers the impression in the ledger and announces it in one statement. Exactly one document per key: a retry,
 * a redelivery or a concurrent duplicate gets the first back and takes no number of its own. Any other seal, or none, is refused and recorded.
 */
export class DocumentIssuingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryption,
    private readonly divisions: DivisionNames,
    private readonly publicBaseUrl: string,
    private readonly pdfs: DocumentPdfs,
  ) {}

  stampDecision(input: StampDecisionInput, options: IssueOptions = {}): Promise<IssuedDocument> {
    return this.issue(decisionAsDocument(input), options);
  }

  async issue(input: IssueDocumentInput, options: IssueOptions = {}): Promise<IssuedDocument> {
    const earlier = await this.findIssued(input.documentKey);
    if (earlier) return earlier;
    const requestedBy = options.requestedBy ?? input.handledBy.id;
    const organCode = issuingOrganOf(input);
    const seal = await this.usableSeal(input, organCode, options.sealId, requestedBy);
    try {
      const organ = await this.organOf(this.dataSource.manager, seal);
      const numbered = await reserveDocumentNumber(this.dataSource, input.documentKey, organ.code);
      return await this.issueNumbered(input, seal, organ, numbered, requestedBy);
    } catch (error) {
      if (error instanceof AlreadySealed) {
        const first = await this.findIssued(input.documentKey);
        if (first) return first;
      }
      if (error instanceof SealError) await this.recordRefusal(input, seal.id, requestedBy, error.code);
      throw error;
    }
  }

  private async issueNumbered(
    input: IssueDocumentInput,
    seal: UsableSeal,
    organ: OrganSettings,
    numbered: ReservedNumber,
    requestedBy: string,
  ): Promise<IssuedDocument> {
    const title = documentTitleOf(input);
    const text = composeDocument(input, await this.contextFor(input, organ));
    const sealed = await sealAndStore(
      { dataSource: this.dataSource, keys: this.keys, pdfs: this.pdfs, publicBaseUrl: this.publicBaseUrl },
      {
        key: input.documentKey,
        county: input.county,
        town: input.town,
        caseId: input.caseId,
        organ,
        numbered,
        seal,
        requestedBy,
        kind: input.content.kind,
        title,
        fileName: () => documentFileName(input.receiptNumber, title),
        render: (parts) =>
          renderCaseDocument({
            ...parts,
            text,
            issuerName: organ.name,
            receiptNumber: input.receiptNumber,
            seal:
              seal.kind === 'bureau'
                ? organSealGeometry(seal.organName)
                : approvalSealGeometry(seal.organName),
            subject: `${input.matterName} ${title}`,
          }),
        properties: {
          matterCode: input.matterCode,
          receiptNumber: input.receiptNumber,
          result: input.content.kind === 'decision' ? input.content.result : title,
        },
        columns: () => ({
          matter_name: input.matterName,
          outcome:
            input.content.kind === 'decision'
              ? resultWording(input.matterTypeCode, input.content.result)
              : title,
          applicant_masked: maskedName(input.applicantName),
        }),
        ledger: this.ledgerNames(input, requestedBy),
      },
      (stored) => ({
        contract: documentStampedV1,
        event: {
          subject: input.caseId,
          county: input.county,
          town: input.town,
          actor: { kind: 'service', id: 'seal' },
          correlationId: input.correlationId,
          payload: {
            caseId: input.caseId,
            documentId: stored.documentId,
            sealId: seal.id,
            stampId: stored.stampId,
            documentSm3: stored.documentSm3,
            verificationCode: stored.verificationCode,
            stampedAt: stored.issuedAt.toISOString(),
            kind: input.content.kind,
            title,
            number: stored.number,
          },
        },
      }),
    );
    return {
      documentId: sealed.documentId,
      stampId: sealed.stampId,
      sealId: seal.id,
      documentSm3: sealed.documentSm3,
      verificationCode: sealed.verificationCode,
      stampedAt: sealed.issuedAt.toISOString(),
      created: true,
      kind: input.content.kind,
      title,
      number: sealed.number,
      issuerName: organ.name,
      fileName: sealed.fileName,
    };
  }

  /** The organ's settings; a town whose seal was applied for by name gets the defaults on its first document. */
  private async organOf(manager: EntityManager, seal: UsableSeal): Promise<OrganSettings> {
    const known = await findOrgan(manager, seal.organ);
    if (known || seal.kind !== 'approval' || !seal.town || !seal.townName) {
      return known ?? organOrFail(manager, seal.organ);
    }
    const defaults = townOrganDefaults({
      county: seal.county,
      countyName: seal.countyName,
      town: seal.town,
      townName: seal.townName,
    });
    await registerOrgans(manager, [defaults], 'oneseal-seal');
    return organOrFail(manager, seal.organ);
  }

  private async contextFor(
    input: IssueDocumentInput,
    organ: DocumentContext['organ'],
  ): Promise<DocumentContext> {
    const townName = this.divisions.town(input.town)?.townName ?? '乡镇';
    const context: DocumentContext = { organ, townName };
    const { content } = input;
    if (content.kind === 'acceptance-notice' && content.decidingOrgan?.level === 'county') {
      const deciding = await findOrgan(this.dataSource.manager, content.decidingOrgan.unitCode);
      if (deciding) context.decidingOrganName = deciding.name;
    }
    if (input.content.kind === 'delivery-receipt' && input.content.deliveredDocumentId) {
      const [delivered] = (await this.dataSource.query(
        `SELECT title, number FROM seal.documents WHERE id = $1`,
        [input.content.deliveredDocumentId],
      )) as { title: string; number: string | null }[];
      if (delivered) context.delivered = delivered;
    }
    return context;
  }

  /** What a keeper reads in the ledger: the case by 办件编号 and matter, the requester by name. */
  private ledgerNames(input: IssueDocumentInput, requestedBy: string) {
    return {
      receiptNumber: input.receiptNumber,
      matterName: input.matterName,
      requestedByName: requestedBy === input.handledBy.id ? (input.handledBy.name ?? null) : null,
    };
  }

  private async findIssued(documentKey: string): Promise<IssuedDocument | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT d.id, d.kind, d.title, d.number, d.file_name, d.organ, s.id AS stamp_id, s.seal_id, s.document_sm3,
              s.verification_code, s.stamped_at, o.name AS organ_name, seal.organ_name AS seal_organ_name
         FROM seal.documents d
         JOIN seal.stamps s ON s.document_id = d.id
         JOIN seal.seals seal ON seal.id = s.seal_id
         LEFT JOIN seal.issuing_organs o ON o.code = d.organ
        WHERE d.decision_id = $1`,
      [documentKey],
    )) as {
      id: string;
      kind: string;
      title: string;
      number: string | null;
      file_name: string | null;
      stamp_id: string;
      seal_id: string;
      document_sm3: string;
      verification_code: string;
      stamped_at: Date;
      organ_name: string | null;
      seal_organ_name: string;
    }[];
    if (!row) return undefined;
    return {
      documentId: row.id,
      stampId: row.stamp_id,
      sealId: row.seal_id,
      documentSm3: row.document_sm3,
      verificationCode: row.verification_code,
      stampedAt: row.stamped_at.toISOString(),
      created: false,
      // Decisions stamped before notices were issued were kept as 'decision' too.
      kind:
        row.kind === 'proof' || row.kind === 'certificate'
          ? 'decision'
          : (row.kind as IssuedDocument['kind']),
      title: row.title,
      number: row.number ?? '',
      issuerName: row.organ_name ?? row.seal_organ_name,
      fileName: row.file_name ?? `${row.id}.pdf`,
    };
  }

  /** The organ's active seal, if it is the one asked for; otherwise the attempt is refused and recorded. */
  private async usableSeal(
    input: IssueDocumentInput,
    organ: string,
    sealId: string | undefined,
    requestedBy: string,
  ): Promise<UsableSeal> {
    const seals = this.dataSource.getRepository(Seal);
    const kind = input.issuer.level === 'town' ? 'approval' : 'bureau';
    if (sealId) {
      const asked = await seals.findOneBy({ id: sealId });
      const refusal = !asked
        ? SealErrorCode.NOT_FOUND
        : asked.kind === 'legacy'
          ? SealErrorCode.LEGACY_SEAL_REFUSED
          : asked.organ !== organ
            ? SealErrorCode.WRONG_TOWN
            : asked.status !== '启用'
              ? SealErrorCode.NOT_ACTIVE
              : undefined;
      if (refusal) return this.refuse(input, asked ? sealId : null, requestedBy, refusal);
    }
    const active = await activeSealOf(this.dataSource, organ, kind);
    if (!active) {
      const code = kind === 'bureau' ? SealErrorCode.NO_ACTIVE_BUREAU_SEAL : SealErrorCode.NO_ACTIVE_SEAL;
      return this.refuse(input, null, requestedBy, code);
    }
    return active;
  }

  private async refuse(
    input: IssueDocumentInput,
    sealId: string | null,
    requestedBy: string,
    code: SealErrorCode,
  ): Promise<never> {
    await this.recordRefusal(input, sealId, requestedBy, code);
    throw new SealError(code);
  }

  private async recordRefusal(
    input: IssueDocumentInput,
    sealId: string | null,
    requestedBy: string,
    code: SealErrorCode,
  ): Promise<void> {
    const organ = issuingOrganOf(input);
    await appendToLedger(this.dataSource.manager, {
      entry: 'refused',
      county: input.county,
      town: input.town,
      organ,
      sealId,
      caseId: input.caseId,
      decisionId: input.documentKey,
      stamper: organStamperId(organ),
      requestedBy,
      ...this.ledgerNames(input, requestedBy),
      reasonCode: code,
      reason: sealErrorMessage(code),
    });
  }
}
