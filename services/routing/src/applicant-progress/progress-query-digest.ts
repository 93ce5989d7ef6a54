import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * What routing keeps of a 查询码: the SHA-256 of the code salted with its receipt number. The code is random
 * (about 59 bits); the salt makes every guess good for one receipt only, never for all stored digests at once.
 */
export function progressQueryDigest(receiptNumber: string, normalisedCode: string): string {
  return createHash('sha256').update(`${receiptNumber}\n${normalisedCode}`, 'utf8').digest('hex');
}

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function digestMatches(
  receiptNumber: string,
  normalisedCode: string,
  storedDigest: string | null,
): boolean {
  if (!storedDigest) return false;
  const given = Buffer.from(progressQueryDigest(receiptNumber, normalisedCode), 'hex');
  const stored = Buffer.from(storedDigest, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
