// No 0/O, 1/I/L: a code read off paper or a phone screen and typed in by hand should not be mistyped.
export const TYPED_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A code people type: groups of four characters joined by dashes. The random bytes come from the caller (the
 * services' CSPRNG), so this module stays free of Node builtins and usable anywhere.
 */
export function formatTypedCode(randomBytes: Uint8Array, groups: number): string {
  if (randomBytes.length < groups * 4)
    throw new Error(`a ${groups}-group code needs ${groups * 4} random bytes`);
  const chars = [...randomBytes.subarray(0, groups * 4)].map(
    (byte) => TYPED_CODE_ALPHABET[byte % TYPED_CODE_ALPHABET.length],
  );
  return Array.from({ length: groups }, (_, group) => chars.slice(group * 4, group * 4 + 4).join('')).join(
    '-',
  );
}

/** Accepts what people type (lower case, spaces, missing or extra dashes); undefined when it cannot be a code. */
export function normaliseTypedCode(input: string, groups: number): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== groups * 4 || [...compact].some((char) => !TYPED_CODE_ALPHABET.includes(char))) {
    return undefined;
  }
  return compact.match(/.{4}/g)?.join('-');
}

/**
 * 查询码: given with the receipt (on paper and by SMS), it lets the applicant follow the case and rate the service
 * without an account. Three groups, about 59 bits: not guessable by asking the public lookup.
 */
export const PROGRESS_QUERY_CODE_GROUPS = 3;
