import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('serialises equal values alike whatever their key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson({ 乙: 1, 甲: 2 })).toBe(canonicalJson({ 甲: 2, 乙: 1 }));
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 'x', e: null }], c: '章' } })).toBe(
      '{"a":{"c":"章","d":[2,{"e":null,"f":"x"}]},"b":1}',
    );
  });

  it('orders keys by code unit, digits included, not as JavaScript orders integer-like keys', () => {
    expect(canonicalJson({ a: 1, '10': 2, '2': 3 })).toBe('{"10":2,"2":3,"a":1}');
  });

  it('reads like JSON.stringify otherwise: dates as ISO text, undefined members left out, undefined items null', () => {
    const at = new Date('2026-12-04T08:00:00.000Z');
    expect(canonicalJson({ at, gone: undefined, list: [undefined, 1] })).toBe(
      '{"at":"2026-12-04T08:00:00.000Z","list":[null,1]}',
    );
    const envelope = { id: 'e1', payload: { caseId: 'c1', note: '补正' }, town: undefined };
    expect(canonicalJson(envelope)).toBe(
      JSON.stringify({ id: 'e1', payload: { caseId: 'c1', note: '补正' } }),
    );
  });

  it('escapes keys and text as JSON does, and writes booleans, numbers and nested empties as JSON.stringify', () => {
    const value = { 'say "章"': 'line\nbreak\t\\', on: true, off: false, n: -1.5e-7, empty: {}, none: [] };
    expect(canonicalJson(value)).toBe(
      JSON.stringify({
        empty: {},
        n: -1.5e-7,
        none: [],
        off: false,
        on: true,
        'say "章"': 'line\nbreak\t\\',
      }),
    );
    expect(canonicalJson([() => 1, Symbol('s')])).toBe('[null,null]');
  });

  it('refuses what JSON cannot carry instead of writing it as null', () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
  });
});
