import { createHash, getHashes } from 'node:crypto';
import { sm2, sm3 } from 'sm-crypto-v2';

/**
 * GB/T 32918 SM2 signatures over SM3 (GB/T 32905) digests, through sm-crypto-v2. Signing hashes Z_A (the
 * signer's user id and public key) with the message, as the standard requires; Node's own "SM2" curve would do
 * plain ECDSA instead, which other SM2 implementations do not accept.
 */
export const SM2_USER_ID = '1234567812345678';

export interface Sm2KeyPair {
  /** Uncompressed point, 04‖x‖y, 130 hex characters. */
  publicKey: string;
  /** 64 hex characters. Only ever held in memory; stored encrypted (see KeyEncryption). */
  privateKey: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const { publicKey, privateKey } = sm2.generateKeyPairHex();
  return { publicKey, privateKey };
}

/** r‖s as 128 hex characters. */
export function sm2Sign(message: string, privateKey: string, publicKey: string): string {
  return sm2.doSignature(message, privateKey, { hash: true, publicKey, userId: SM2_USER_ID });
}

export function sm2Verify(message: string, signature: string, publicKey: string): boolean {
  if (!/^[0-9a-f]{128}$/.test(signature) || !isSm2PublicKey(publicKey)) return false;
  try {
    return sm2.doVerifySignature(message, signature, publicKey, { hash: true, userId: SM2_USER_ID });
  } catch {
    return false;
  }
}

export function isSm2PublicKey(publicKey: string): boolean {
  if (!/^04[0-9a-f]{128}$/.test(publicKey)) return false;
  try {
    return sm2.verifyPublicKey(publicKey);
  } catch {
    return false;
  }
}

/**
 * Node's OpenSSL computes SM3 natively, about 20 times faster than sm-crypto-v2's JavaScript (the seal hashes every
 * document it stamps, twice); an OpenSSL built without SM3 leaves the JavaScript one.
 */
const nativeSm3 = getHashes().includes('sm3');

/** SM3 digest, lower-case hex (a string is hashed as its UTF-8 bytes). */
export function sm3Hex(data: Uint8Array | string): string {
  return nativeSm3 ? createHash('sm3').update(data).digest('hex') : sm3(data);
}

/** An SM3 digest taken over text given a part at a time: what is hashed need not be held whole. */
export interface Sm3Digest {
  update(part: string): void;
  hex(): string;
}

/**
 * Starts an SM3 digest fed a part at a time; `hex()` equals sm3Hex of the parts joined. Without a native SM3 the
 * parts are kept and hashed at the end (sm-crypto-v2 hashes whole inputs only).
 */
export function sm3Digest(): Sm3Digest {
  if (nativeSm3) {
    const hash = createHash('sm3');
    return { update: (part) => void hash.update(part), hex: () => hash.digest('hex') };
  }
  const parts: string[] = [];
  return { update: (part) => void parts.push(part), hex: () => sm3(parts.join('')) };
}

/** The same digest by sm-crypto-v2's JavaScript, which the tests hold Node's against. */
export function sm3HexInJavaScript(data: Uint8Array | string): string {
  return sm3(data);
}
