import { createHmac } from 'node:crypto';

/**
 * What a clerk may search a case by without the searching service keeping the value itself: a keyed digest (HMAC
 * SHA-256 under a key intake and routing share) of a 公民身份号码 or a phone number, normalised first. Without the key
 * the digest cannot be reversed by trying every number, as a plain hash of a phone number could.
 */
export function lookupDigest(key: Buffer, kind: 'id-number' | 'phone', value: string): string {
  const normalised = kind === 'id-number' ? value.trim().toUpperCase() : value.replace(/\D/g, '');
  return createHmac('sha256', key).update(`${kind}:${normalised}`).digest('hex');
}

/** The last characters a clerk may type instead of the whole number (身份证后 6 位, 手机尾号 4 位). */
export const idNumberTail = (value: string) => value.trim().toUpperCase().slice(-6);
export const phoneTail = (value: string) => value.replace(/\D/g, '').slice(-4);
