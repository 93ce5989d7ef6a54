import { findUnsafeInput, jsonNestsDeeperThan, MAX_INPUT_DEPTH, unsafeCharacterIn } from './safe-text';

describe('text a clerk can read and PostgreSQL can store', () => {
  it('refuses NUL, other control characters, DEL and lone surrogates, naming the character', () => {
    expect(unsafeCharacterIn('张三\u0000')).toBe('U+0000');
    expect(unsafeCharacterIn('a\u001bb')).toBe('U+001B');
    expect(unsafeCharacterIn('a\u007f')).toBe('U+007F');
    expect(unsafeCharacterIn('\ud800')).toBe('U+D800');
    expect(unsafeCharacterIn('x\udc00')).toBe('U+DC00');
  });

  it('keeps tabs, line breaks, Chinese and characters outside the BMP (a surrogate pair)', () => {
    expect(unsafeCharacterIn('经审查，符合条件。\n\t同意。\r\n')).toBeUndefined();
    expect(unsafeCharacterIn('𠀀𪚥')).toBeUndefined();
  });

  it('finds the field of a nested body, keys included, and a nesting deeper than allowed', () => {
    expect(findUnsafeInput({ applicant: { names: ['张三', '李\u0000四'] } }, 'body')).toEqual({
      kind: 'character',
      field: 'body.applicant.names[1]',
      codePoint: 'U+0000',
    });
    expect(findUnsafeInput({ ['k\u0001']: 1 })).toEqual({
      kind: 'character',
      field: 'k\u0001',
      codePoint: 'U+0001',
    });
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH + 1; level += 1) deep = [deep];
    expect(findUnsafeInput(deep)?.kind).toBe('depth');
    expect(findUnsafeInput({ a: [{ b: '正常' }] })).toBeUndefined();
  });

  it('measures raw JSON nesting without parsing it, ignoring brackets inside strings', () => {
    expect(jsonNestsDeeperThan(Buffer.from('['.repeat(3000) + ']'.repeat(3000)))).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ text: '['.repeat(100) + '\\"[' })))).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ a: { b: [1, { c: 2 }] } })))).toBe(false);
  });
});
