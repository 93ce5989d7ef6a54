import { formatTypedCode, normaliseTypedCode, PROGRESS_QUERY_CODE_GROUPS } from './typed-code';

describe('codes people type', () => {
  const bytes = Uint8Array.from({ length: 16 }, (_, index) => index * 17);

  it('are groups of four characters without 0, O, 1, I or L', () => {
    const code = formatTypedCode(bytes, PROGRESS_QUERY_CODE_GROUPS);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}$/);
    expect(formatTypedCode(bytes, 4)).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
  });

  it('read back however they are typed: lower case, spaces, missing dashes', () => {
    const code = formatTypedCode(bytes, 3);
    expect(normaliseTypedCode(` ${code.toLowerCase().replace(/-/g, ' ')} `, 3)).toBe(code);
    expect(normaliseTypedCode(code.replace(/-/g, ''), 3)).toBe(code);
  });

  it('refuse what cannot be a code of that length or alphabet', () => {
    expect(normaliseTypedCode('OOOO-1111-IIII', 3)).toBeUndefined();
    expect(normaliseTypedCode('ABCD-EFGH', 3)).toBeUndefined();
    expect(normaliseTypedCode('ABCD-EFGH-JKMN-PQRS', 3)).toBeUndefined();
    expect(() => formatTypedCode(bytes.subarray(0, 8), 3)).toThrow(/12 random bytes/);
  });
});
