import type { DataSource } from 'typeorm';
import { sealMakerPublicKey } from '../seals/seal-makers';
import { Seal } from '../seals/seal.entity';
import { StampedDocument } from '../stamps/stamped-document.entity';
import { Stamp } from '../stamps/stamp.entity';
import { normaliseVerificationCode } from '../stamps/verification-code';
import { verdict, type VerificationResult } from './verification-result';
import { verifyStampedPdf, type TrustedSeal } from './verify-stamped-pdf';

/**
 * Public verification against the registry: the seal must be registered, its record signed by the county's seal
 * maker, and in force (启用, not yet 停用/封存) when the document was stamped.
 */
export class SealVerificationService {
  constructor(private readonly dataSource: DataSource) {}

  verifyPdf(pdf: Buffer): Promise<VerificationResult> {
    return verifyStampedPdf(pdf, (sealId) => this.trustedSeal(sealId));
  }

  /** By the code printed on the document: re-checks the document as it was stamped and stored. */
  async verifyCode(code: string): Promise<VerificationResult> {
    const normalised = normaliseVerificationCode(code);
    const stamp = normalised
      ? await this.dataSource.getRepository(Stamp).findOneBy({ verificationCode: normalised })
      : null;
    if (!stamp) return verdict('UNKNOWN_CODE');
    const document = await this.dataSource
      .getRepository(StampedDocument)
      .createQueryBuilder('document')
      .addSelect('document.pdf')
      .where('document.id = :id', { id: stamp.documentId })
      .getOne();
    if (!document?.pdf) return verdict('UNKNOWN_CODE');
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
