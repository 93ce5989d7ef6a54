import { randomBytes, randomUUID } from 'node:crypto';
import { isEncrypted, PersonalDataCipher } from './personal-data-cipher';

describe('personal data encrypted at rest', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));
  const row = randomUUID();

  it('stores neither the ID number nor any part of it, and reads it back', () => {
    const stored = cipher.encrypt('applicant_id_number', row, '140525199001011234');
    expect(isEncrypted(stored)).toBe(true);
    expect(stored).not.toContain('1234');
    expect(cipher.encrypt('applicant_id_number', row, '140525199001011234')).not.toBe(stored);
    expect(cipher.decrypt('applicant_id_number', row, stored)).toBe('140525199001011234');
  });

  it('refuses a value moved to another application or column, altered, or read with another key', () => {
    const stored = cipher.encrypt('applicant_phone', row, '13812345678');
    expect(() => cipher.decrypt('applicant_phone', randomUUID(), stored)).toThrow();
    expect(() => cipher.decrypt('applicant_id_number', row, stored)).toThrow();
    const altered = `${stored.slice(0, -4)}${stored.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(() => cipher.decrypt('applicant_phone', row, altered)).toThrow();
    expect(() => new PersonalDataCipher(randomBytes(32)).decrypt('applicant_phone', row, stored)).toThrow();
    expect(() => cipher.decrypt('applicant_phone', row, '13812345678')).toThrow('is not encrypted');
  });
});
