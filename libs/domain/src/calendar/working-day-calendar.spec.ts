import { findWorkday, getDayDetail, getWorkdaysInRange, isWorkday } from 'chinese-days';
import {
  CalendarError,
  CalendarErrorCode,
  type DeadlineResult,
  type Suspension,
  WorkingDayCalendar,
  type YearSchedule,
} from './index';
import { formatIsoDate, parseIsoDate, weekdayOf } from './iso-date';

// Expected dates below were checked against chinese-days itself (getDayDetail / findWorkday), and the tests assert
// that agreement too, so a wrong expectation fails loudly instead of encoding a guess.

const calendar = WorkingDayCalendar.official();

/** NOT an official schedule: invented for the tests until the State Council publishes 2027. */
const TEST_2027: YearSchedule = {
  year: 2027,
  holidays: ['2027-01-01'],
  makeUpWorkdays: ['2027-02-06'],
  source: '测试用安排（非官方）',
};

const ACCEPTED = '2026-03-02'; // a Monday in a month without holidays
const correction = (from: string, to?: string): Suspension => ({ from, to, reason: '补正' });

function due(result: DeadlineResult): string {
  if (result.kind !== 'due') throw new Error(`expected a due date, got ${JSON.stringify(result)}`);
  return result.date;
}

function expectError(run: () => unknown, code: CalendarErrorCode, ...messageParts: string[]): void {
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CalendarError);
  expect((error as CalendarError).code).toBe(code);
  for (const part of messageParts) expect((error as CalendarError).message).toContain(part);
}

/** Every date of [from, to] built with Date in UTC, independently of the calendar's own arithmetic. */
function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

describe('the official calendar', () => {
  it('covers exactly the years chinese-days has data for, 2004–2026', () => {
    const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
    expect(calendar.coveredYears()).toEqual(years);
    expect(calendar.hasOfficialData(2003)).toBe(false);
    expect(calendar.hasOfficialData(2027)).toBe(false);
  });

  it('agrees with chinese-days isWorkday on every date from 2004-01-01 to 2026-12-31', () => {
    const disagreements = datesBetween('2004-01-01', '2026-12-31').filter(
      (date) => calendar.isWorkingDay(date) !== isWorkday(date),
    );
    expect(disagreements).toEqual([]);
  });

  it('counts dates and weekdays like the Gregorian calendar (checked against Date in UTC)', () => {
    const wrong = datesBetween('1899-12-25', '2101-01-07').filter((date) => {
      const day = parseIsoDate(date);
      return (
        day === undefined ||
        formatIsoDate(day) !== date ||
        weekdayOf(day) !== new Date(`${date}T00:00:00Z`).getUTCDay()
      );
    });
    expect(wrong).toEqual([]);
  });

  it('National Day 2026: 10-01..10-07 off, make-up days 09-20 (Sun) and 10-10 (Sat) are working days', () => {
    for (const date of datesBetween('2026-10-01', '2026-10-07')) {
      expect(getDayDetail(date)).toEqual({ date, work: false, name: 'National Day,国庆节,3' });
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    for (const date of ['2026-09-20', '2026-10-10']) {
      expect(getDayDetail(date)).toEqual({ date, work: true, name: 'National Day,国庆节,3' });
      expect(calendar.isWorkingDay(date)).toBe(true);
    }
    expect(calendar.isWorkingDay('2026-09-19')).toBe(false); // the Saturday before stays off
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // the Sunday after stays off
    expect(due(calendar.addWorkingDays('2026-09-30', 1))).toBe('2026-10-08');
    expect(due(calendar.addWorkingDays('2026-10-08', 2))).toBe('2026-10-10');
  });

  it('Spring Festival 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 are working days', () => {
    for (const date of datesBetween('2026-02-15', '2026-02-23')) {
      expect(getDayDetail(date).work).toBe(false);
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    for (const date of ['2026-02-14', '2026-02-28']) {
      expect(getDayDetail(date)).toEqual({ date, work: true, name: 'Spring Festival,春节,4' });
      expect(calendar.isWorkingDay(date)).toBe(true);
    }
    expect(due(calendar.addWorkingDays('2026-02-13', 1))).toBe('2026-02-14');
    expect(due(calendar.addWorkingDays('2026-02-14', 1))).toBe('2026-02-24');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-28').days).toBe(6); // 02-14, 02-24..02-27, 02-28
  });
});

describe('deadlines in working days', () => {
  it('20 working days from 2026-09-30 is 2026-11-03, skipping the National Day week (as findWorkday)', () => {
    expect(findWorkday(20, '2026-09-30')).toBe('2026-11-03');
    expect(calendar.addWorkingDays('2026-09-30', 20)).toEqual({
      kind: 'due',
      date: '2026-11-03',
      provisional: false,
      provisionalYears: [],
    });
    expect(calendar.workingDaysBetween('2026-09-30', '2026-11-03')).toEqual({
      days: 20,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('does not count the day of acceptance', () => {
    expect(due(calendar.addWorkingDays(ACCEPTED, 1))).toBe('2026-03-03');
    expect(due(calendar.addWorkingDays('2026-03-06', 1))).toBe('2026-03-09'); // Friday → Monday
    expect(due(calendar.addWorkingDays('2026-03-07', 1))).toBe('2026-03-09'); // accepted on a Saturday
    expect(due(calendar.addWorkingDays(ACCEPTED, 0))).toBe(ACCEPTED);
    expect(calendar.workingDaysBetween(ACCEPTED, ACCEPTED).days).toBe(0);
    expect(calendar.workingDaysBetween(ACCEPTED, '2026-03-03').days).toBe(1);
  });

  it('a 补正 suspension moves the deadline by exactly the working days it covers', () => {
    const suspension = correction('2026-03-09', '2026-03-13'); // Monday–Friday
    expect(getWorkdaysInRange('2026-03-09', '2026-03-13')).toHaveLength(5);
    expect(due(calendar.addWorkingDays(ACCEPTED, 20))).toBe(findWorkday(20, ACCEPTED));
    expect(due(calendar.addWorkingDays(ACCEPTED, 20, [suspension]))).toBe(findWorkday(25, ACCEPTED));
    expect(findWorkday(25, ACCEPTED)).toBe('2026-04-07'); // also crosses 清明 (04-06 off)
    expect(calendar.workingDaysBetween(ACCEPTED, '2026-04-07', [suspension]).days).toBe(20);
  });

  it('does not count either end of a suspension: [from, to] are all stopped days', () => {
    expect(due(calendar.addWorkingDays(ACCEPTED, 20, [correction('2026-03-10', '2026-03-10')]))).toBe(
      findWorkday(21, ACCEPTED),
    );
    // A suspension over a weekend or before acceptance stops no working day.
    expect(due(calendar.addWorkingDays(ACCEPTED, 20, [correction('2026-03-07', '2026-03-08')]))).toBe(
      '2026-03-30',
    );
    expect(due(calendar.addWorkingDays(ACCEPTED, 20, [correction('2026-02-20', '2026-03-02')]))).toBe(
      '2026-03-30',
    );
  });

  it('merges overlapping suspensions instead of counting their common days twice', () => {
    const overlapping = [
      { from: '2026-03-10', to: '2026-03-13', reason: '入户调查' },
      correction('2026-03-09', '2026-03-11'),
    ];
    expect(calendar.addWorkingDays(ACCEPTED, 20, overlapping)).toEqual(
      calendar.addWorkingDays(ACCEPTED, 20, [correction('2026-03-09', '2026-03-13')]),
    );
    expect(calendar.workingDaysBetween(ACCEPTED, '2026-04-07', overlapping).days).toBe(20);
  });

  it('an open suspension gives no date yet, only when the clock stopped and the days used', () => {
    expect(calendar.addWorkingDays(ACCEPTED, 20, [correction('2026-03-09')])).toEqual({
      kind: 'suspended',
      since: '2026-03-09',
      workingDaysCounted: 4,
      provisional: false,
      provisionalYears: [],
    });
    // Joined to a closed suspension that runs into it, the clock stopped at the earlier start.
    const joined = calendar.addWorkingDays(ACCEPTED, 20, [
      { from: '2026-03-12', reason: '公示' },
      correction('2026-03-09', '2026-03-12'),
    ]);
    expect(joined).toMatchObject({ kind: 'suspended', since: '2026-03-09', workingDaysCounted: 4 });
    // Elapsed working days stop growing at the open suspension.
    expect(calendar.workingDaysBetween(ACCEPTED, '2026-06-30', [correction('2026-03-09')]).days).toBe(4);
  });

  it('a suspension opened after the deadline has passed leaves the deadline as it was', () => {
    expect(due(calendar.addWorkingDays(ACCEPTED, 20, [correction('2026-03-31')]))).toBe('2026-03-30');
  });
});

describe('years without official data', () => {
  it('marks a deadline that runs from 2026 into 2027 as provisional (chinese-days would silently guess)', () => {
    // The package's guess works 元旦; the law fixes it off whatever the notice will say (国务院令第798号).
    expect(isWorkday('2027-01-01')).toBe(true);
    expect(findWorkday(20, '2026-12-20')).toBe('2027-01-15');
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    for (const fixed of ['2027-05-01', '2027-05-03', '2027-10-01', '2027-10-04']) {
      // 5-1 is a Saturday, 5-3 a Monday: only the two days the law fixes (5-1, 5-2) are off; 10-1 to 10-3 likewise.
      expect([fixed, calendar.isWorkingDay(fixed)]).toEqual([
        fixed,
        fixed === '2027-05-03' || fixed === '2027-10-04',
      ]);
    }
    expect(calendar.addWorkingDays('2026-12-20', 20)).toEqual({
      kind: 'due',
      date: '2027-01-18',
      provisional: true,
      provisionalYears: [2027],
    });
    expect(calendar.workingDaysBetween('2026-12-20', '2027-01-18')).toMatchObject({
      days: 20,
      provisional: true,
      provisionalYears: [2027],
    });
    expect(calendar.addWorkingDays('2026-12-20', 7)).toMatchObject({
      date: '2026-12-29',
      provisional: false,
    });
  });

  it('open suspensions and deadlines still say which years were guessed', () => {
    expect(calendar.addWorkingDays('2026-12-30', 20, [correction('2027-01-05')])).toMatchObject({
      kind: 'suspended',
      provisional: true,
      provisionalYears: [2027],
    });
    expect(calendar.workingDaysBetween('2003-12-30', '2004-01-05')).toMatchObject({
      provisionalYears: [2003],
    });
  });

  it('after loading a 2027 schedule the same deadline is official and skips the loaded holiday', () => {
    const loaded = calendar.withYear(TEST_2027);
    expect(loaded.hasOfficialData(2027)).toBe(true);
    expect(loaded.sourceOf(2027)).toBe('测试用安排（非官方）');
    expect(loaded.isWorkingDay('2027-01-01')).toBe(false);
    expect(loaded.isWorkingDay('2027-02-06')).toBe(true); // a loaded make-up Saturday
    expect(loaded.addWorkingDays('2026-12-20', 20)).toEqual({
      kind: 'due',
      date: '2027-01-18', // the same date, now official
      provisional: false,
      provisionalYears: [],
    });
    // The calendar is immutable: the official one still has no 2027.
    expect(calendar.hasOfficialData(2027)).toBe(false);
    expect(calendar.addWorkingDays('2026-12-20', 20)).toMatchObject({
      date: '2027-01-18',
      provisional: true,
    });
  });

  it('a loaded schedule replaces the year it names (an amended notice)', () => {
    const amended = calendar.withYear({
      year: 2026,
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03'],
      makeUpWorkdays: [],
      source: '测试用修订（非官方）',
    });
    expect(amended.sourceOf(2026)).toBe('测试用修订（非官方）');
    expect(amended.isWorkingDay('2026-10-07')).toBe(true);
    expect(amended.isWorkingDay('2026-10-10')).toBe(false);
    expect(amended.isWorkingDay('2026-01-01')).toBe(true);
  });
});

describe('a county’s own days', () => {
  const county = calendar.withCountyDays([
    { date: '2026-12-07', working: false, reason: '县政府通知：暴雪停止办公一天' },
    { date: '2026-12-12', working: true, reason: '县政府通知：周六补班' },
  ]);

  it('a day the county gives off moves a deadline across it by one working day; a worked Saturday counts', () => {
    expect(calendar.addWorkingDays('2026-12-04', 1)).toMatchObject({ date: '2026-12-07' });
    expect(county.addWorkingDays('2026-12-04', 1)).toMatchObject({ date: '2026-12-08', provisional: false });
    // 12-08..12-11 are four working days, then the worked Saturday 12-12 is the fifth.
    expect(county.addWorkingDays('2026-12-07', 5)).toMatchObject({ date: '2026-12-12' });
    expect(calendar.addWorkingDays('2026-12-07', 5)).toMatchObject({ date: '2026-12-14' });
  });

  it('stays the county’s: the national calendar it was laid over is unchanged, and loading a year keeps it', () => {
    expect(calendar.isWorkingDay('2026-12-07')).toBe(true);
    expect(county.withYear(TEST_2027).isWorkingDay('2026-12-07')).toBe(false);
  });

  it('refuses to work a statutory holiday or a day in a published holiday block, and changes that change nothing', () => {
    const refused = (working: boolean, date: string): [string, string] | undefined => {
      try {
        calendar.withCountyDays([{ date, working, reason: '测试' }]);
        return undefined;
      } catch (error) {
        return error instanceof CalendarError ? [error.code, error.message] : [String(error), ''];
      }
    };
    expect(refused(true, '2026-10-01')).toEqual([
      CalendarErrorCode.INVALID_COUNTY_DAY,
      expect.stringContaining('2026-10-01 是法定节假日，县里不能调整为上班'),
    ]);
    // 2026-10-04 is a Sunday inside the National Day block.
    expect(refused(true, '2026-10-04')).toEqual([
      CalendarErrorCode.INVALID_COUNTY_DAY,
      expect.stringContaining('在国务院公布的放假安排之内'),
    ]);
    expect(refused(true, '2026-12-08')?.[1]).toContain('本来就是工作日');
    expect(refused(false, '2026-12-13')?.[1]).toContain('本来就不上班');
    // 2027-01-01 is a fixed-date holiday even before 2027 is published.
    expect(refused(true, '2027-01-01')?.[1]).toContain('是法定节假日');
    expect(() =>
      calendar.withCountyDays([
        { date: '2026-12-07', working: false, reason: '' },
        { date: '2026-12-40', working: false, reason: '测试' },
      ]),
    ).toThrow(/2026-12-07 未写明调整的原因或依据；“2026-12-40”不是有效日期/);
  });
});

describe('rejected input', () => {
  const schedule = (changes: Partial<YearSchedule>): YearSchedule => ({ ...TEST_2027, ...changes });

  it.each([
    ['a date outside the year', { holidays: ['2026-12-31'] }, '2026-12-31 不在2027年内'],
    ['a date in both lists', { holidays: ['2027-02-06'], makeUpWorkdays: ['2027-02-06'] }, '同时填在了'],
    ['a make-up day on a weekday', { makeUpWorkdays: ['2027-01-04'] }, '2027-01-04 是星期一'],
    ['a malformed date', { holidays: ['2027-02-30'] }, '“2027-02-30”不是有效日期'],
    ['no source', { source: '  ' }, '未填写文件来源'],
    ['a year that is not a year', { year: 2027.5 }, '年份“2027.5”无效'],
  ])('a schedule with %s is rejected with CALENDAR.INVALID_SCHEDULE', (_, changes, message) => {
    expectError(() => calendar.withYear(schedule(changes)), CalendarErrorCode.INVALID_SCHEDULE, message);
  });

  it('lists every problem of a schedule at once', () => {
    expectError(
      () =>
        calendar.withYear(schedule({ holidays: ['2027-1-1', '2028-01-01'], makeUpWorkdays: ['2027-01-05'] })),
      CalendarErrorCode.INVALID_SCHEDULE,
      '“2027-1-1”不是有效日期',
      '2028-01-01 不在2027年内',
      '2027-01-05 是星期二',
    );
  });

  it.each(['2026-2-3', '2026-02-30', '2026/02/03', '', '2026-13-01', '2026-02-03T00:00'])(
    'a malformed date "%s" is rejected with CALENDAR.INVALID_INPUT',
    (date) => {
      expectError(() => calendar.isWorkingDay(date), CalendarErrorCode.INVALID_INPUT, '不是有效日期');
      expectError(() => calendar.addWorkingDays(date, 1), CalendarErrorCode.INVALID_INPUT, '开始日期');
      expectError(
        () => calendar.workingDaysBetween(ACCEPTED, date),
        CalendarErrorCode.INVALID_INPUT,
        '结束日期',
      );
      expectError(
        () => calendar.addWorkingDays(ACCEPTED, 1, [correction(date)]),
        CalendarErrorCode.INVALID_INPUT,
        '补正',
      );
    },
  );

  it.each([-1, 1.5, NaN, Infinity])('a number of working days %p is rejected', (n) => {
    expectError(() => calendar.addWorkingDays(ACCEPTED, n), CalendarErrorCode.INVALID_INPUT, '工作日天数');
  });

  it('a suspension ending before it starts, and a range ending before it starts, are rejected', () => {
    expectError(
      () => calendar.addWorkingDays(ACCEPTED, 20, [correction('2026-03-13', '2026-03-09')]),
      CalendarErrorCode.INVALID_INPUT,
      '暂停（补正）的结束日期 2026-03-09 早于开始日期 2026-03-13',
    );
    expectError(
      () => calendar.workingDaysBetween('2026-03-13', '2026-03-09'),
      CalendarErrorCode.INVALID_INPUT,
      '早于开始日期',
    );
  });
});
