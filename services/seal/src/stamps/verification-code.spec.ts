import { newVerificationCode, normaliseVerificationCode } from './verification-code';
import { chineseDay } from '../documents/document-text';

describe('verification codes', () => {
  it('are four groups of four unambiguous characters, read back however they are typed', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^([2-9A-HJKMNP-Z]{4}-){3}[2-9A-HJKMNP-Z]{4}$/);
    expect(normaliseVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseVerificationCode('OOOO-1111-IIII-LLLL')).toBeUndefined();
    expect(normaliseVerificationCode('too-short')).toBeUndefined();
  });
});

describe('documents', () => {
  it('dates documents on China Standard Time', () => {
    expect(chineseDay(new Date('2025-12-31T16:30:00Z'))).toBe('2026年1月1日');
  });
});
