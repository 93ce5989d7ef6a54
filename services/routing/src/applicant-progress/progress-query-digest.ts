import { createHash, timingSafeEqual } from 'node:crypto';

/** What routing keeps of a 查询码: its SHA-256. The code is random (about 59 bits), so no salt or key is needed. */
export function progressQueryDigest(normalisedCode: string): string {
  return createHash('sha256').update(normalisedCode, 'utf8').digest('hex');
}

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function digestMatches(normalisedCode: string, storedDigest: string | null): boolean {
  if (!storedDigest) return false;
  const given = Buffer.from(progressQueryDigest(normalisedCode), 'hex');
  const stored = Buffer.from(storedDigest, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
