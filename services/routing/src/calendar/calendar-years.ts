import { WorkingDayCalendar, type YearSchedule } from '@oneseal/domain';
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

/**
 * The calendar deadlines are computed on: the official package data plus every year an administrator loaded
 * (a loaded year replaces the package's, so an amended notice wins). Read on every use: the table is tiny and
 * every routing instance sees a newly loaded year at once.
 */
export async function currentCalendar(db: DataSource | EntityManager): Promise<WorkingDayCalendar> {
  let calendar = WorkingDayCalendar.official();
  for (const year of await loadedYears(db)) calendar = calendar.withYear(year);
  return calendar;
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
export async function loadYear(db: DataSource, schedule: YearSchedule, loadedBy: string): Promise<void> {
  WorkingDayCalendar.official().withYear(schedule);
  await db.query(
    `INSERT INTO routing.calendar_years (year, holidays, make_up_workdays, source, loaded_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, make_up_workdays = EXCLUDED.make_up_workdays,
       source = EXCLUDED.source, loaded_by = EXCLUDED.loaded_by, loaded_at = now()`,
    [
      schedule.year,
      JSON.stringify([...schedule.holidays].sort()),
      JSON.stringify([...schedule.makeUpWorkdays].sort()),
      schedule.source,
      loadedBy,
    ],
  );
}
