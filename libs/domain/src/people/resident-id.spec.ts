import {
  checkResidentIdNumber,
  isMainlandMobile,
  maskResidentIdNumber,
  residentIdCheckCharacter,
} from './resident-id';

describe('resident ID numbers (GB 11643)', () => {
  // The worked example of GB 11643-1999 appendix: 11010519491231002 → check character X.
  it('computes the check character of the standard example', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('accepts a well-formed number and reads birth date and sex from it', () => {
    expect(checkResidentIdNumber('11010519491231002X')).toEqual({
      valid: true,
      birthDate: '1949-12-31',
      sex: 'female',
    });
    const first17 = '14052519800101001';
    expect(checkResidentIdNumber(first17 + residentIdCheckCharacter(first17))).toMatchObject({
      valid: true,
      sex: 'male',
    });
  });

  it('refuses a wrong check character', () => {
    expect(checkResidentIdNumber('110105194912310021')).toEqual({ valid: false, reason: 'check-digit' });
  });

  it('refuses numbers of the wrong shape, a lower-case x included', () => {
    for (const bad of ['11010519491231002', '11010519491231002x', '1101051949123100XX', '']) {
      expect(checkResidentIdNumber(bad)).toEqual({ valid: false, reason: 'format' });
    }
  });

  it('refuses impossible and future birth dates', () => {
    const feb30 = '14052519800230001';
    expect(checkResidentIdNumber(feb30 + residentIdCheckCharacter(feb30))).toEqual({
      valid: false,
      reason: 'birth-date',
    });
    const future = '14052520300101001';
    expect(checkResidentIdNumber(future + residentIdCheckCharacter(future), new Date('2026-11-23'))).toEqual({
      valid: false,
      reason: 'birth-date',
    });
  });

  it('masks birth date and sequence', () => {
    expect(maskResidentIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('mobile numbers', () => {
  it('accepts 11-digit mainland numbers and refuses the rest', () => {
    expect(isMainlandMobile('13800138000')).toBe(true);
    expect(isMainlandMobile('12800138000')).toBe(false);
    expect(isMainlandMobile('1380013800')).toBe(false);
    expect(isMainlandMobile('+8613800138000')).toBe(false);
  });
});
