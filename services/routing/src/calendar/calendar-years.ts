import { Logger } from '@nestjs/common';
import { WorkingDayCalendar, type CountyDay, type YearSchedule } from '@oneseal/domain';
import type { DataSource, EntityManager } from 'typeorm';

interface CalendarYearRow {
  year: number;
  holidays: string[];
  make_up_workdays: string[];
  source: string;
  loaded_by: string;
  loaded_at: Date;
}

export interface LoadedYear extends YearSchedule {
  loadedBy: string;
  loadedAt: string;
}

export interface SetCountyDay extends CountyDay {
  setBy: string;
  setAt: string;
}

/** Who made a change: the name screens show, and the account it was made with. */
export interface ChangedBy {
  name: string;
  id: string;
}

const logger = new Logger('Calendar');

/**
 * The national calendar deadlines are computed on: the official package data plus every year the system
 * administrator loaded (a loaded year replaces the package's, so an amended notice wins).
 */
export async function nationalCalendar(db: DataSource | EntityManager): Promise<WorkingDayCalendar> {
  return (await builtCalendars(db)).national;
}

/** The official calendar with these loaded years laid over it. */
export function calendarOf(loaded: readonly YearSchedule[]): WorkingDayCalendar {
  return loaded.reduce((calendar, year) => calendar.withYear(year), WorkingDayCalendar.official());
}

/** County days already reported as no longer applying: said once per process, not on every deadline computed. */
const reportedStaleDays = new Set<string>();

/**
 * The calendar of one county's cases: the national one with the county's own days laid over it. A county day the
 * national calendar no longer allows (a worked weekend that a later notice made part of a holiday block) is left
 * out, and the county's screen says so; it never stops a deadline from being computed.
 */
export async function currentCalendar(
  db: DataSource | EntityManager,
  county?: string,
): Promise<WorkingDayCalendar> {
  const calendars = await builtCalendars(db);
  if (!county) return calendars.national;
  let calendar = calendars.counties.get(county);
  if (!calendar) {
    calendar = withCountyDays(calendars.national, county, await countyDays(db, county));
    calendars.counties.set(county, calendar);
  }
  return calendar;
}

function withCountyDays(
  national: WorkingDayCalendar,
  county: string,
  set: readonly CountyDay[],
): WorkingDayCalendar {
  const days = set.filter((day) => {
    const problem = national.countyDayProblem(day);
    const key = `${county}:${day.date}`;
    if (problem && !reportedStaleDays.has(key)) {
      reportedStaleDays.add(key);
      logger.warn(`county ${county}: day ${day.date} no longer applies (${problem})`);
    }
    return !problem;
  });
  return days.length > 0 ? national.withCountyDays(days) : national;
}

interface BuiltCalendars {
  version: string;
  national: WorkingDayCalendar;
  counties: Map<string, WorkingDayCalendar>;
}

/** Per database: the calendars built at the version they were built for. */
const built = new WeakMap<DataSource, BuiltCalendars>();

/**
 * The calendars as built for the calendar's current version (routing.calendar_version, changed with every change to
 * loaded years and county days): one small read per use, and every routing instance sees a change once it commits.
 * What is read after the version is at least as new as it, so a calendar is never kept under a later version.
 */
async function builtCalendars(db: DataSource | EntityManager): Promise<BuiltCalendars> {
  const source = 'connection' in db ? db.connection : db;
  const [{ version }] = (await db.query(`SELECT version::text AS version FROM routing.calendar_version`)) as {
    version: string;
  }[];
  let calendars = built.get(source);
  if (calendars?.version !== version) {
    calendars = { version, national: calendarOf(await loadedYears(db)), counties: new Map() };
    built.set(source, calendars);
  }
  return calendars;
}

export async function loadedYears(db: DataSource | EntityManager): Promise<LoadedYear[]> {
  const rows = (await db.query(
    `SELECT year, holidays, make_up_workdays, source, loaded_by, loaded_at FROM routing.calendar_years ORDER BY year`,
  )) as CalendarYearRow[];
  return rows.map((row) => ({
    year: row.year,
    holidays: row.holidays,
    makeUpWorkdays: row.make_up_workdays,
    source: row.source,
    loadedBy: row.loaded_by,
    loadedAt: row.loaded_at.toISOString(),
  }));
}

/** Validates the schedule (the calendar refuses an inconsistent one) before storing it. */
export async function loadYear(db: DataSource, schedule: YearSchedule, loadedBy: ChangedBy): Promise<void> {
  WorkingDayCalendar.official().withYear(schedule);
  await db.query(
    `INSERT INTO routing.calendar_years (year, holidays, make_up_workdays, source, loaded_by, loaded_by_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, make_up_workdays = EXCLUDED.make_up_workdays,
       source = EXCLUDED.source, loaded_by = EXCLUDED.loaded_by, loaded_by_id = EXCLUDED.loaded_by_id,
       loaded_at = now()`,
    [
      schedule.year,
      JSON.stringify([...schedule.holidays].sort()),
      JSON.stringify([...schedule.makeUpWorkdays].sort()),
      schedule.source,
      loadedBy.name,
      loadedBy.id,
    ],
  );
}

export async function countyDays(db: DataSource | EntityManager, county: string): Promise<SetCountyDay[]> {
  const rows = (await db.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, working, reason, set_by, set_at
       FROM routing.county_days WHERE county = $1 ORDER BY date`,
    [county],
  )) as { date: string; working: boolean; reason: string; set_by: string; set_at: Date }[];
  return rows.map((row) => ({
    date: row.date,
    working: row.working,
    reason: row.reason,
    setBy: row.set_by,
    setAt: row.set_at.toISOString(),
  }));
}

/**
 * Sets one of the county's days, checked against the national calendar and the county's other days (the calendar
 * refuses what the law does not allow, with its explanation). Setting a day again replaces it.
 */
export async function setCountyDay(
  db: DataSource,
  county: string,
  day: CountyDay,
  setBy: ChangedBy,
): Promise<void> {
  const others = (await countyDays(db, county)).filter((other) => other.date !== day.date);
  const national = await nationalCalendar(db);
  national.withCountyDays([...others.filter((other) => !national.countyDayProblem(other)), day]);
  await db.query(
    `INSERT INTO routing.county_days (county, date, working, reason, set_by, set_by_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (county, date) DO UPDATE SET working = EXCLUDED.working, reason = EXCLUDED.reason,
       set_by = EXCLUDED.set_by, set_by_id = EXCLUDED.set_by_id, set_at = now()`,
    [county, day.date, day.working, day.reason.trim(), setBy.name, setBy.id],
  );
}

/** The removed day as it was, or undefined when the county had not set it. */
export async function removeCountyDay(
  db: DataSource,
  county: string,
  date: string,
): Promise<CountyDay | undefined> {
  const [rows] = (await db.query(
    `DELETE FROM routing.county_days WHERE county = $1 AND date = $2 RETURNING working, reason`,
    [county, date],
  )) as [{ working: boolean; reason: string }[], number];
  const removed = rows[0];
  return removed ? { date, working: removed.working, reason: removed.reason } : undefined;
}
