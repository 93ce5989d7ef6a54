import { inDayOrder, settingsProblems, slotHasBegun } from './hall-settings';

describe('a hall’s settings', () => {
  const window = (number: number) => ({ number, name: '综合受理窗口', categories: ['general' as const] });

  it('names repeated windows, reversed and overlapping slots', () => {
    expect(
      settingsProblems({ windows: [window(1), window(2)], slots: ['09:00-10:00', '10:00-11:00'] }),
    ).toEqual([]);
    expect(
      settingsProblems({
        windows: [window(1), window(1)],
        slots: ['10:00-09:00', '09:30-10:30', '09:00-10:00'],
      }),
    ).toEqual([
      '窗口号重复：1 号',
      '时段 10:00-09:00 的结束时间应晚于开始时间',
      '时段 09:00-10:00 与 09:30-10:30 重叠',
    ]);
  });

  it('orders slots through the day and tells when one has begun', () => {
    expect(inDayOrder(['15:00-16:00', '09:00-10:00'])).toEqual(['09:00-10:00', '15:00-16:00']);
    expect(slotHasBegun('09:00-10:00', '08:59')).toBe(false);
    expect(slotHasBegun('09:00-10:00', '09:00')).toBe(true);
  });
});
