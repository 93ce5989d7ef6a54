import { createHash } from 'node:crypto';
import * as independentSm from 'sm-crypto';
import {
  generateSm2KeyPair,
  isSm2PublicKey,
  sm2Sign,
  sm2Verify,
  sm3Digest,
  sm3Hex,
  sm3HexInJavaScript,
  SM2_USER_ID,
} from './sm2';

describe('SM2 signatures and SM3 digests', () => {
  it('computes the SM3 test vector of GB/T 32905 and agrees with Node and sm-crypto', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const bytes = Buffer.from('一枚印章管审批', 'utf8');
    expect(sm3Hex(bytes)).toBe(createHash('sm3').update(bytes).digest('hex'));
    expect(sm3Hex(bytes)).toBe(independentSm.sm3(Array.from(bytes)));
  });

  it('gives the same SM3 natively and in JavaScript, for text and for a document-sized buffer', () => {
    const document = Buffer.alloc(200_000);
    for (let i = 0; i < document.length; i += 1) document[i] = (i * 7919) % 251;
    expect(sm3Hex(document)).toBe(sm3HexInJavaScript(document));
    expect(sm3Hex('办件编号：140525100-2026-000001')).toBe(
      sm3HexInJavaScript('办件编号：140525100-2026-000001'),
    );
  });

  it('takes the same SM3 over text given a part at a time as over the text whole', () => {
    const parts = ['0103fc78 3 ', 'a'.repeat(64), '\n', '办件编号：140525100-2026-000001'];
    const digest = sm3Digest();
    for (const part of parts) digest.update(part);
    expect(digest.hex()).toBe(sm3Hex(parts.join('')));
    const empty = sm3Digest();
    expect(empty.hex()).toBe(sm3Hex(''));
  });

  it('signs with the user id and verifies, and refuses a changed message or another key', () => {
    const keys = generateSm2KeyPair();
    expect(isSm2PublicKey(keys.publicKey)).toBe(true);
    const signature = sm2Sign('准予', keys.privateKey, keys.publicKey);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(sm2Verify('准予', signature, keys.publicKey)).toBe(true);
    expect(sm2Verify('不予许可', signature, keys.publicKey)).toBe(false);
    expect(sm2Verify('准予', signature, generateSm2KeyPair().publicKey)).toBe(false);
    expect(sm2Verify('准予', 'not a signature', keys.publicKey)).toBe(false);
  });

  it('produces GB/T 32918 signatures that a second, independent implementation (sm-crypto) accepts', () => {
    const keys = generateSm2KeyPair();
    const message = '{"documentSm3":"ab","stamper":"oneseal-seal:140525100"}';
    const signature = sm2Sign(message, keys.privateKey, keys.publicKey);
    expect(
      independentSm.sm2.doVerifySignature(message, signature, keys.publicKey, {
        hash: true,
        userId: SM2_USER_ID,
      }),
    ).toBe(true);
    // And the other way round: what sm-crypto signs, this module verifies.
    const theirs = independentSm.sm2.doSignature(message, keys.privateKey, {
      hash: true,
      userId: SM2_USER_ID,
    });
    expect(sm2Verify(message, theirs, keys.publicKey)).toBe(true);
  });
});
