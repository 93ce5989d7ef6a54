import { chinaDate } from '@oneseal/domain';
import type { DataSource } from 'typeorm';
import { sealMakerPublicKey } from '../seals/seal-makers';
import { Seal } from '../seals/seal.entity';
import type { DocumentPdfs } from '../stamps/document-pdfs';
import { Stamp } from '../stamps/stamp.entity';
import { stampedDocumentFile } from '../stamps/stamped-document-file';
import { normaliseVerificationCode } from '../stamps/verification-code';
import { verdict, type DocumentEssentials, type VerificationResult } from './verification-result';
import { verifyStampedPdf, type RegisteredStamp, type TrustedSeal } from './verify-stamped-pdf';

/**
 * Public verification against the registry: the seal must be registered, its record signed by the county's seal
 * maker, and in force (启用, not yet 停用/封存) when the server recorded the stamp; the stamp must be in the stamp
 * registry for this very document. A valid document shows what the registry recorded of it, for a paper copy to be
 * compared with.
 */
export class SealVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pdfs: DocumentPdfs,
  ) {}

  async verifyPdf(pdf: Buffer): Promise<VerificationResult> {
    const result = await verifyStampedPdf(
      pdf,
      (sealId) => this.trustedSeal(sealId),
      (stampId) => this.registeredStamp(stampId),
    );
    if (!result.valid || !result.stamp) return result;
    const document = await this.essentials(result.stamp.stampId);
    return document ? { ...result, document } : result;
  }

  private async registeredStamp(stampId: string): Promise<RegisteredStamp | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(stampId)) return undefined;
    const stamp = await this.dataSource.getRepository(Stamp).findOneBy({ id: stampId });
    return stamp
      ? { documentSm3: stamp.documentSm3, sealId: stamp.sealId, stampedAt: stamp.stampedAt }
      : undefined;
  }

  private async essentials(stampId: string): Promise<DocumentEssentials | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(o.name, d.organ) AS issuer, d.title, d.number, s.record->'tbs'->'properties'->>'receiptNumber'
                AS "receiptNumber", d.issued_at AS "issuedAt", d.matter_name AS "matterName", d.outcome,
              d.applicant_masked AS applicant
         FROM seal.stamps s JOIN seal.documents d ON d.id = s.document_id
         LEFT JOIN seal.issuing_organs o ON o.code = d.organ
        WHERE s.id = $1`,
      [stampId],
    )) as (Omit<DocumentEssentials, 'issuedOn'> & { issuedAt: Date | null })[];
    if (!row) return undefined;
    const { issuedAt, matterName, outcome, applicant, ...known } = row;
    return {
      ...known,
      issuedOn: issuedAt ? chinaDate(issuedAt) : null,
      ...(matterName ? { matterName } : {}),
      ...(outcome ? { outcome } : {}),
      ...(applicant ? { applicant } : {}),
    };
  }

  /** By the code printed on the document: re-checks the document as it was stamped and stored. */
  async verifyCode(code: string): Promise<VerificationResult> {
    const normalised = normaliseVerificationCode(code);
    const stamp = normalised
      ? await this.dataSource.getRepository(Stamp).findOneBy({ verificationCode: normalised })
      : null;
    if (!stamp) return verdict('UNKNOWN_CODE');
    const document = await stampedDocumentFile(this.dataSource, this.pdfs, stamp.documentId);
    if (!document) return verdict('UNKNOWN_CODE');
    return this.verifyPdf(document.pdf);
  }

  private async trustedSeal(sealId: string): Promise<TrustedSeal | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(sealId)) return undefined;
    const seal = await this.dataSource.getRepository(Seal).findOneBy({ id: sealId });
    if (!seal?.record) return undefined;
    const makerPublicKey = await sealMakerPublicKey(this.dataSource.manager, seal.county);
    if (!makerPublicKey) return undefined;
    return {
      record: seal.record,
      makerPublicKey,
      activeFrom: seal.activatedAt,
      activeUntil: seal.retiredAt,
    };
  }
}
