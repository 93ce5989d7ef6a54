/**
 * Text a clerk can read and PostgreSQL can store. Refused everywhere at the edge, before any validator or query
 * sees it: C0 control characters other than tab and line breaks (NUL above all: PostgreSQL cannot store it in
 * text), DEL, and UTF-16 surrogates that are not part of a pair (no UTF-8 encoding exists for them).
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const UNSAFE_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

/** Deeper than any document OneSeal takes (a guide is 4 levels): anything deeper is refused, never walked. */
export const MAX_INPUT_DEPTH = 32;

export type UnsafeInput =
  | { kind: 'character'; field: string; codePoint: string }
  | { kind: 'depth'; field: string };

export function unsafeCharacterIn(text: string): string | undefined {
  const match = UNSAFE_CHARACTER.exec(text);
  if (!match) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first string (or key) of a parsed input holding an unsafe character, or a nesting deeper than allowed. */
export function findUnsafeInput(value: unknown, field = '', depth = 0): UnsafeInput | undefined {
  if (typeof value === 'string') {
    const codePoint = unsafeCharacterIn(value);
    return codePoint ? { kind: 'character', field, codePoint } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { kind: 'depth', field };
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return undefined;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  for (const [key, item] of entries) {
    const path = Array.isArray(value) ? `${field}[${key}]` : field ? `${field}.${key}` : key;
    const keyProblem = unsafeCharacterIn(key);
    if (keyProblem) return { kind: 'character', field: path, codePoint: keyProblem };
    const found = findUnsafeInput(item, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether raw JSON nests arrays and objects deeper than `max`, found by counting brackets outside strings: the text
 * is never parsed (a parse of 100,000 nested brackets is what this guards against).
 */
export function jsonNestsDeeperThan(raw: Buffer, max: number = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index += 1) {
    const byte = raw[index];
    if (inString) {
      if (byte === 0x5c)
        index += 1; // backslash: the next byte is escaped
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}
