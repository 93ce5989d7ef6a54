import * as independentSm from 'sm-crypto';
import { engravedSeal, stampedPdf, type ElectronicSealFixture } from '../../test/fixtures/electronic-seal';
import { SM2_USER_ID, sm3Hex } from '@oneseal/gm-crypto';
import { sealRecordSigningInput } from '../seals/seal-record';
import {
  readEmbeddedStamp,
  signedBytes,
  stampSigningInput,
  STAMP_PLACEHOLDER_LENGTH,
  type StampRecord,
} from '../stamps/stamp-record';
import { verifyStampedPdf, type TrustedSeal } from './verify-stamped-pdf';

function trusting(seal: ElectronicSealFixture, extra: Partial<TrustedSeal> = {}) {
  return async (sealId: string): Promise<TrustedSeal | undefined> =>
    sealId === seal.record.seal.esId
      ? { record: seal.record, makerPublicKey: seal.maker.publicKey, ...extra }
      : undefined;
}

/** Rewrites the record in the placeholder (an attacker with a hex editor). */
function withRecord(pdf: Buffer, change: (record: StampRecord) => StampRecord): Buffer {
  const embedded = readEmbeddedStamp(pdf);
  if (!embedded?.record) throw new Error('no stamp');
  const hex = Buffer.from(JSON.stringify(change(embedded.record)), 'utf8').toString('hex');
  const copy = Buffer.from(pdf);
  copy.write(hex.padEnd(STAMP_PLACEHOLDER_LENGTH, '0'), embedded.location.start, 'latin1');
  return copy;
}

describe('a stamped result document', () => {
  let seal: ElectronicSealFixture;
  let pdf: Buffer;
  let record: StampRecord;

  beforeAll(async () => {
    seal = engravedSeal();
    ({ pdf, record } = await stampedPdf(seal));
  });

  it('is a PDF in Chinese with an embedded, subset CJK font and the stamp record in its Info dictionary', () => {
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toMatch(/\/FontFile[23]? /);
    // pdfkit subsets: the tag before the font name marks a subset.
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+/);
    expect(pdf.length).toBeLessThan(400_000);
    expect(text).toContain('/OneSealStamp ');
    expect(readEmbeddedStamp(pdf)?.record).toEqual(record);
  });

  it('verifies as valid, and the hash covers everything but the placeholder', async () => {
    const result = await verifyStampedPdf(pdf, trusting(seal));
    expect(result).toEqual(
      expect.objectContaining({ valid: true, reason: 'VALID', message: '文件完整，电子印章有效' }),
    );
    expect(result.stamp?.sealName).toBe('泽州县南村镇人民政府行政审批服务专用章');
    const [, start, end, tail] = record.tbs.byteRange;
    expect(start + STAMP_PLACEHOLDER_LENGTH).toBe(end);
    expect(end + tail).toBe(pdf.length);
  });

  it('fails as ALTERED when one byte of the document changes', async () => {
    const pageText = pdf.indexOf(Buffer.from('/MediaBox'));
    for (const offset of [10, pageText + 12, pdf.length - 10]) {
      const altered = Buffer.from(pdf);
      altered[offset] ^= 0x01;
      const result = await verifyStampedPdf(altered, trusting(seal));
      expect(result).toEqual(expect.objectContaining({ valid: false, reason: 'ALTERED' }));
      expect(result.message).toBe('文件在加盖电子印章后被改动过');
    }
  });

  it('fails as BAD_SIGNATURE when the stamp record is rewritten to match a changed document', async () => {
    const forged = withRecord(pdf, (original) => ({
      ...original,
      tbs: { ...original.tbs, properties: { ...original.tbs.properties, result: '不予许可' } },
    }));
    expect((await verifyStampedPdf(forged, trusting(seal))).reason).toBe('BAD_SIGNATURE');
  });

  it('fails as BAD_SIGNATURE when the seal record was not signed by the trusted county seal maker', async () => {
    const impostor = engravedSeal();
    const result = await verifyStampedPdf(pdf, async () => ({
      record: seal.record,
      makerPublicKey: impostor.maker.publicKey,
    }));
    expect(result.reason).toBe('BAD_SIGNATURE');
  });

  it('fails as UNKNOWN_SEAL for a seal the verifier has no record of', async () => {
    expect((await verifyStampedPdf(pdf, async () => undefined)).reason).toBe('UNKNOWN_SEAL');
  });

  it('fails as SEAL_NOT_ACTIVE when the seal was not in force at stamping time', async () => {
    const stampedAt = new Date(record.tbs.stampedAt);
    const retiredBefore = trusting(seal, {
      activeFrom: new Date(stampedAt.getTime() - 60_000),
      activeUntil: stampedAt,
    });
    expect((await verifyStampedPdf(pdf, retiredBefore)).reason).toBe('SEAL_NOT_ACTIVE');
    const neverActivated = trusting(seal, { activeFrom: null });
    expect((await verifyStampedPdf(pdf, neverActivated)).reason).toBe('SEAL_NOT_ACTIVE');
    const old = await stampedPdf(seal, new Date(Date.parse(seal.record.seal.validFrom) - 86_400_000));
    expect((await verifyStampedPdf(old.pdf, trusting(seal))).reason).toBe('SEAL_NOT_ACTIVE');
  });

  it('fails as NOT_STAMPED for a PDF without a stamp', async () => {
    expect((await verifyStampedPdf(Buffer.from('%PDF-1.7\n%%EOF\n'), trusting(seal))).reason).toBe(
      'NOT_STAMPED',
    );
  });

  it('verifies with a second, independent SM2/SM3 implementation (sm-crypto)', () => {
    const { tbs } = record;
    expect(independentSm.sm3(Array.from(signedBytes(pdf, tbs.byteRange)))).toBe(tbs.documentSm3);
    expect(sm3Hex(signedBytes(pdf, tbs.byteRange))).toBe(tbs.documentSm3);
    const signer = tbs.seal.seal.signers[0];
    expect(
      independentSm.sm2.doVerifySignature(stampSigningInput(tbs), record.signature, signer.publicKey, {
        hash: true,
        userId: SM2_USER_ID,
      }),
    ).toBe(true);
    expect(
      independentSm.sm2.doVerifySignature(
        sealRecordSigningInput(tbs.seal.seal),
        tbs.seal.makerSignature,
        seal.maker.publicKey,
        { hash: true, userId: SM2_USER_ID },
      ),
    ).toBe(true);
  });
});
