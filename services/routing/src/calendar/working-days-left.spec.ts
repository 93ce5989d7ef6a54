import { WorkingDayCalendar } from '@oneseal/domain';
import { workingDaysLeft } from './working-days-left';

describe('working days left to a date', () => {
  const calendar = WorkingDayCalendar.official();

  it('is 0 on the day, counts working days ahead and behind, and skips weekends', () => {
    // Wednesday 2026-12-09.
    expect(workingDaysLeft(calendar, '2026-12-09', '2026-12-09')).toBe(0);
    expect(workingDaysLeft(calendar, '2026-12-09', '2026-12-10')).toBe(1);
    expect(workingDaysLeft(calendar, '2026-12-09', '2026-12-14')).toBe(3);
    expect(workingDaysLeft(calendar, '2026-12-09', '2026-12-04')).toBe(-3);
    // A date on the weekend is as far as the Friday before it.
    expect(workingDaysLeft(calendar, '2026-12-09', '2026-12-12')).toBe(2);
  });

  it('counts a county’s own day off', () => {
    const county = calendar.withCountyDays([{ date: '2026-12-10', working: false, reason: '县政府通知' }]);
    expect(workingDaysLeft(county, '2026-12-09', '2026-12-11')).toBe(1);
    expect(workingDaysLeft(county, '2026-12-11', '2026-12-09')).toBe(-1);
  });
});
