import officialData from 'chinese-days/dist/chinese-days.json';
import { CalendarError, CalendarErrorCode } from './calendar-error';
import { formatIsoDate, isWeekend, parseIsoDate, WEEKDAY_NAMES, weekdayOf, yearOf } from './iso-date';

/** One year's arrangement as the State Council publishes it (国务院办公厅关于××年部分节假日安排的通知). */
export interface YearSchedule {
  year: number;
  /** Dates off work ('YYYY-MM-DD'), weekend days inside a holiday block included or not: both mean off. */
  holidays: readonly string[];
  /** Weekend dates that are working days (调休上班). */
  makeUpWorkdays: readonly string[];
  /** The notice the schedule comes from, e.g. '国办发明电〔2026〕X号'. */
  source: string;
}

/**
 * A county's own change to one day (本县工作日调整): a working day it gives off (a local holiday, a disaster day), or a
 * weekend it works (本县调休). It is the county's only: other counties' deadlines never see it.
 */
export interface CountyDay {
  date: string;
  /** True: the county works this (weekend) day; false: the county is off on this (working) day. */
  working: boolean;
  /** Why, as the county's notice says it (e.g. 县政府关于……的通知). */
  reason: string;
}

/**
 * A stretch during which the clock stops (补正, 公示, home visit…). Both ends are inclusive: `from` is the first
 * date that does not count and `to` the last; the clock runs again on the day after `to`. Without `to` the
 * suspension is still going on.
 */
export interface Suspension {
  from: string;
  to?: string;
  reason: string;
}

/** Dates computed over a year without official data are a guess (weekends only) and must be shown as such. */
export interface Provisional {
  provisional: boolean;
  /** Years, ascending, whose days had to be classified without official data. */
  provisionalYears: number[];
}

export type DeadlineResult =
  | ({ kind: 'due'; date: string } & Provisional)
  | ({
      /** The clock is stopped by an open suspension before the deadline was reached: no date exists yet. */
      kind: 'suspended';
      /** First suspended date of the (merged) open suspension. */
      since: string;
      /** Working days already used before the clock stopped. */
      workingDaysCounted: number;
    } & Provisional);

export interface WorkingDayCount extends Provisional {
  days: number;
}

interface YearData {
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
  source: string;
}

/** Suspensions as merged day-number intervals; `to` is Infinity while open. */
interface Block {
  from: number;
  to: number;
}

/**
 * The holidays 《全国年节及纪念日放假办法》 (as amended by 国务院令第798号, in force from 2025) fixes by the solar
 * calendar: 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October. A year whose arrangement is not published yet keeps them
 * off, provisionally; the lunar holidays (春节, 清明, 端午, 中秋) and the 调休 weekends come with the State Council's notice.
 */
const FIXED_DATE_HOLIDAYS: ReadonlySet<string> = new Set([
  '01-01',
  '05-01',
  '05-02',
  '10-01',
  '10-02',
  '10-03',
]);

/** No statutory or committed limit comes near this; it stops a typo from looping for decades. */
const MAX_WORKING_DAYS = 10_000;

const OFFICIAL_SOURCE = 'chinese-days（国务院办公厅部分节假日安排）';

/**
 * The official working-day calendar: statutory holidays are off, make-up weekend days (调休) are working days,
 * other days follow Monday–Friday. Immutable: loading a year returns a new calendar.
 */
export class WorkingDayCalendar {
  private static officialCalendar: WorkingDayCalendar | undefined;

  private constructor(
    private readonly years: ReadonlyMap<number, YearData>,
    private readonly countyDays: ReadonlyMap<string, boolean> = new Map(),
  ) {}

  /**
   * The calendar of the chinese-days package. Its covered years are read from its data file (the years that have
   * at least one holiday), so a package update that adds a year is picked up without touching this code.
   */
  static official(): WorkingDayCalendar {
    if (!WorkingDayCalendar.officialCalendar) {
      const holidays = new Map<number, Set<string>>();
      const workdays = new Map<number, Set<string>>();
      for (const date of Object.keys(officialData.holidays)) addTo(holidays, date);
      for (const date of Object.keys(officialData.workdays)) addTo(workdays, date);
      const years = new Map<number, YearData>();
      for (const [year, dates] of holidays) {
        years.set(year, {
          holidays: dates,
          makeUpWorkdays: workdays.get(year) ?? new Set(),
          source: OFFICIAL_SOURCE,
        });
      }
      WorkingDayCalendar.officialCalendar = new WorkingDayCalendar(years);
    }
    return WorkingDayCalendar.officialCalendar;
  }

  /**
   * A calendar with `schedule` loaded by an administrator. It replaces whatever the calendar had for that year
   * (the State Council has amended a published year before, e.g. the 2020 Spring Festival extension).
   */
  withYear(schedule: YearSchedule): WorkingDayCalendar {
    const data = validateSchedule(schedule);
    const years = new Map(this.years);
    years.set(schedule.year, data);
    return new WorkingDayCalendar(years, this.countyDays);
  }

  /**
   * This calendar with one county's own days laid over the national arrangement. A county may give a working day
   * off or work a weekend, but never work a statutory holiday (全国年节及纪念日放假办法 is national law), nor "change"
   * a day to what it already is; every problem is named at once.
   */
  withCountyDays(days: readonly CountyDay[]): WorkingDayCalendar {
    const problems: string[] = [];
    const seen = new Map<string, boolean>();
    for (const day of days) {
      const problem = seen.has(day.date) ? `${day.date} 填了不止一次` : this.countyDayProblem(day);
      if (problem) problems.push(problem);
      else seen.set(day.date, day.working);
    }
    if (problems.length > 0) {
      throw new CalendarError(
        CalendarErrorCode.INVALID_COUNTY_DAY,
        `本县工作日调整有误：${problems.join('；')}。`,
      );
    }
    return new WorkingDayCalendar(this.years, seen);
  }

  /**
   * Why the national calendar does not allow this county day (undefined when it does). A day set before a national
   * notice can stop fitting once the notice is loaded (a worked weekend that became part of a holiday block).
   */
  countyDayProblem(day: CountyDay): string | undefined {
    const number = parseIsoDate(day.date);
    if (number === undefined) return `“${String(day.date)}”不是有效日期，应写成如 2027-01-04 的形式`;
    if (typeof day.reason !== 'string' || day.reason.trim() === '') {
      return `${day.date} 未写明调整的原因或依据`;
    }
    const national = this.classify(number, false);
    if (day.working && national.working) return `${day.date} 本来就是工作日，无需调整为上班`;
    if (day.working && !isWeekend(number)) {
      return `${day.date} 是法定节假日，县里不能调整为上班（《全国年节及纪念日放假办法》）`;
    }
    if (day.working && this.years.get(national.year)?.holidays.has(day.date)) {
      return `${day.date} 在国务院公布的放假安排之内，县里不能调整为上班`;
    }
    if (!day.working && !national.working) return `${day.date} 本来就不上班，无需调整为放假`;
    return undefined;
  }

  hasOfficialData(year: number): boolean {
    return this.years.has(year);
  }

  /** Years with official or loaded data, ascending. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Where a year's data comes from (package or the loaded notice); undefined when the year has none. */
  sourceOf(year: number): string | undefined {
    return this.years.get(year)?.source;
  }

  /** For a year without data this is only the Monday–Friday rule: check hasOfficialData(year) before trusting it. */
  isWorkingDay(date: string): boolean {
    return this.classify(requireDate(date, '日期')).working;
  }

  /**
   * The n-th working day strictly after `start` (the acceptance day does not count; n = 0 gives `start`), not
   * counting suspended dates. A deadline that falls before an open suspension begins is still a date.
   */
  addWorkingDays(start: string, n: number, suspensions: readonly Suspension[] = []): DeadlineResult {
    let day = requireDate(start, '开始日期');
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new CalendarError(
        CalendarErrorCode.INVALID_INPUT,
        `工作日天数必须是 0 至 ${MAX_WORKING_DAYS} 之间的整数，收到的是：${String(n)}。`,
      );
    }
    const blocks = mergeSuspensions(suspensions);
    const unofficial = new Set<number>();
    let counted = 0;
    while (counted < n) {
      day += 1;
      const block = blocks.find((candidate) => candidate.from <= day && day <= candidate.to);
      if (block) {
        if (block.to === Infinity) {
          return {
            kind: 'suspended',
            since: formatIsoDate(block.from),
            workingDaysCounted: counted,
            ...provisional(unofficial),
          };
        }
        day = block.to; // suspended dates are skipped without looking at the calendar
        continue;
      }
      const { working, official, year } = this.classify(day);
      if (!official) unofficial.add(year);
      if (working) counted += 1;
    }
    return { kind: 'due', date: formatIsoDate(day), ...provisional(unofficial) };
  }

  /** Working days in (start, end], suspended dates excluded; an open suspension stops the count from its start. */
  workingDaysBetween(start: string, end: string, suspensions: readonly Suspension[] = []): WorkingDayCount {
    const first = requireDate(start, '开始日期');
    const last = requireDate(end, '结束日期');
    if (last < first) {
      throw new CalendarError(CalendarErrorCode.INVALID_INPUT, `结束日期 ${end} 早于开始日期 ${start}。`);
    }
    const blocks = mergeSuspensions(suspensions);
    const unofficial = new Set<number>();
    let days = 0;
    for (let day = first + 1; day <= last; day += 1) {
      const block = blocks.find((candidate) => candidate.from <= day && day <= candidate.to);
      if (block) {
        day = Math.min(block.to, last);
        continue;
      }
      const { working, official, year } = this.classify(day);
      if (!official) unofficial.add(year);
      if (working) days += 1;
    }
    return { days, ...provisional(unofficial) };
  }

  private classify(
    day: number,
    withCountyDays = true,
  ): { working: boolean; official: boolean; year: number } {
    const year = yearOf(day);
    const data = this.years.get(year);
    const date = formatIsoDate(day);
    const county = withCountyDays ? this.countyDays.get(date) : undefined;
    // The county decided this day itself: it is no guess, whatever the year's national data.
    if (county !== undefined) return { working: county, official: true, year };
    if (data?.makeUpWorkdays.has(date)) return { working: true, official: true, year };
    if (data?.holidays.has(date)) return { working: false, official: true, year };
    if (!data && FIXED_DATE_HOLIDAYS.has(date.slice(5))) return { working: false, official: false, year };
    return { working: !isWeekend(day), official: data !== undefined, year };
  }
}

function addTo(byYear: Map<number, Set<string>>, date: string): void {
  const year = Number(date.slice(0, 4));
  const dates = byYear.get(year) ?? new Set<string>();
  dates.add(date);
  byYear.set(year, dates);
}

function provisional(unofficial: ReadonlySet<number>): Provisional {
  const provisionalYears = [...unofficial].sort((a, b) => a - b);
  return { provisional: provisionalYears.length > 0, provisionalYears };
}

function requireDate(value: string, label: string): number {
  const day = parseIsoDate(value);
  if (day === undefined) {
    throw new CalendarError(
      CalendarErrorCode.INVALID_INPUT,
      `${label}“${String(value)}”不是有效日期，应写成“年-月-日”的形式，如 2026-10-08。`,
    );
  }
  return day;
}

/** Validated, sorted, with overlapping or touching intervals joined so each date is looked up once. */
function mergeSuspensions(suspensions: readonly Suspension[]): Block[] {
  const blocks = suspensions
    .map((suspension): Block => {
      const from = requireDate(suspension.from, `暂停（${suspension.reason}）的开始日期`);
      if (suspension.to === undefined) return { from, to: Infinity };
      const to = requireDate(suspension.to, `暂停（${suspension.reason}）的结束日期`);
      if (to < from) {
        throw new CalendarError(
          CalendarErrorCode.INVALID_INPUT,
          `暂停（${suspension.reason}）的结束日期 ${suspension.to} 早于开始日期 ${suspension.from}。`,
        );
      }
      return { from, to };
    })
    .sort((a, b) => a.from - b.from);
  const merged: Block[] = [];
  for (const block of blocks) {
    const previous = merged[merged.length - 1];
    if (previous && block.from <= previous.to + 1) previous.to = Math.max(previous.to, block.to);
    else merged.push({ ...block });
  }
  return merged;
}

/** Collects every problem at once, so the administrator can fix the whole notice in one pass. */
function validateSchedule(schedule: YearSchedule): YearData {
  const { year } = schedule;
  const validYear = Number.isInteger(year) && year >= 1000 && year <= 9999;
  const label = validYear ? `${year}年` : '';
  const problems: string[] = [];
  if (!validYear) {
    problems.push(`年份“${String(year)}”无效，应为四位数年份`);
  }
  if (typeof schedule.source !== 'string' || schedule.source.trim() === '') {
    problems.push('未填写文件来源（如“国办发明电〔2026〕X号”）');
  }
  const checkDates = (dates: readonly string[], kind: string, weekendOnly: boolean): Set<string> => {
    const valid = new Set<string>();
    if (!Array.isArray(dates)) {
      problems.push(`${kind}应为日期列表`);
      return valid;
    }
    for (const date of dates) {
      const day = parseIsoDate(date);
      if (day === undefined)
        problems.push(`${kind}“${String(date)}”不是有效日期，应写成如 2027-01-01 的形式`);
      else if (validYear && yearOf(day) !== year)
        problems.push(`${kind} ${date} 不在${label}内，每年的安排只能包含当年的日期`);
      else if (weekendOnly && !isWeekend(day)) {
        problems.push(`${kind} ${date} 是${WEEKDAY_NAMES[weekdayOf(day)]}，调休上班日只能是周六或周日`);
      } else valid.add(date);
    }
    return valid;
  };
  const holidays = checkDates(schedule.holidays, '放假日期', false);
  const makeUpWorkdays = checkDates(schedule.makeUpWorkdays, '调休上班日', true);
  for (const date of holidays) {
    if (makeUpWorkdays.has(date)) problems.push(`${date} 同时填在了放假日期和调休上班日中`);
  }
  if (problems.length > 0) {
    throw new CalendarError(
      CalendarErrorCode.INVALID_SCHEDULE,
      `${label}节假日安排有误，请对照国务院通知修改：${problems.join('；')}。`,
    );
  }
  return { holidays, makeUpWorkdays, source: schedule.source.trim() };
}
