import { randomBytes } from 'node:crypto';

// No 0/O, 1/I/L: a code read off paper and typed in by hand should not be mistyped.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 16 characters in four groups (about 79 bits), printed on the document and entered on the verification page. */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

/** Accepts what people type: lower case, spaces, missing or extra dashes. */
export function normaliseVerificationCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 16 || [...compact].some((char) => !ALPHABET.includes(char))) return undefined;
  return compact.match(/.{4}/g)?.join('-');
}
