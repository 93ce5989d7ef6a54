import { chinaDate, chineseDate } from './iso-date';

describe('dates as people in China read them', () => {
  it('writes a day the way a letter or document from a government does', () => {
    expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
    expect(chineseDate('2026-12-31T16:00:00.000Z'.slice(0, 10))).toBe('2026年12月31日');
  });

  it('takes the day of an instant in China Standard Time', () => {
    expect(chinaDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(chinaDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
  });
});
