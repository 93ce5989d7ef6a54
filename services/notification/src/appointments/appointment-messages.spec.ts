import { reminderTime } from './appointment-messages';

describe('the reminder of a visit', () => {
  it('goes at 18:00 Beijing time the evening before, across months', () => {
    expect(reminderTime('2026-12-08').toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(reminderTime('2027-01-01').toISOString()).toBe('2026-12-31T10:00:00.000Z');
  });
});
