import { digestHex } from './digest-hex';

describe('digestHex', () => {
  it('gives 32 hex digits, the same for the same text', () => {
    const text =
      '3b241101-e2bb-4255-8caf-4136c566a962|{"kind":"accepted","receiptNumber":"140525-20261207-002077"}';
    expect(digestHex(text)).toMatch(/^[0-9a-f]{32}$/);
    expect(digestHex(text)).toBe(digestHex(`${text}`));
  });

  it('differs for texts that differ in one character, in order, or in length', () => {
    const texts = [
      '',
      'a',
      'b',
      'ab',
      'ba',
      'aa',
      '{"kind":"warning","level":"yellow","stepIndex":1}',
      '{"kind":"warning","level":"yellow","stepIndex":2}',
      '{"kind":"warning","level":"red","stepIndex":1}',
      '受理',
      '审核',
    ];
    expect(new Set(texts.map(digestHex)).size).toBe(texts.length);
  });

  it('spreads a hundred thousand similar texts over distinct values, every digit position varying', () => {
    const digests = Array.from({ length: 100_000 }, (_, n) => digestHex(`case-${n}|accepted`));
    expect(new Set(digests).size).toBe(digests.length);
    for (let position = 0; position < 32; position++) {
      expect(new Set(digests.slice(0, 200).map((digest) => digest[position])).size).toBeGreaterThan(8);
    }
  });
});
