import { randomBytes } from 'node:crypto';
import { idNumberTail, lookupDigest, phoneTail } from './lookup-digest';

describe('lookupDigest: searching by ID number or phone without keeping them', () => {
  const key = randomBytes(32);

  it('gives the same digest for the same number however it was typed, and another under another key', () => {
    expect(lookupDigest(key, 'id-number', ' 14052519850312002x ')).toBe(
      lookupDigest(key, 'id-number', '14052519850312002X'),
    );
    expect(lookupDigest(key, 'phone', '139 0356 1234')).toBe(lookupDigest(key, 'phone', '13903561234'));
    expect(lookupDigest(randomBytes(32), 'phone', '13903561234')).not.toBe(
      lookupDigest(key, 'phone', '13903561234'),
    );
  });

  it('keeps an ID number and a phone with the same digits apart', () => {
    expect(lookupDigest(key, 'phone', '13903561234')).not.toBe(lookupDigest(key, 'id-number', '13903561234'));
  });

  it('keeps the tails a clerk types', () => {
    expect(idNumberTail('14052519850312002x')).toBe('12002X');
    expect(phoneTail('139-0356-1234')).toBe('1234');
  });
});
