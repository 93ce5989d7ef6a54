import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('serialises equal values alike whatever their key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson({ 乙: 1, 甲: 2 })).toBe(canonicalJson({ 甲: 2, 乙: 1 }));
  });
});
