import type { WorkingDayCalendar } from '@oneseal/domain';

/**
 * Working days from today to a date on the county's calendar: 0 on the day itself, negative once it has passed.
 * The case search's days left and today's risks both count with it, so a case reads the same days on both screens.
 */
export function workingDaysLeft(calendar: WorkingDayCalendar, today: string, date: string): number {
  // workingDaysBetween refuses an end before its start: a passed date is counted the other way round.
  return date >= today
    ? calendar.workingDaysBetween(today, date).days
    : -calendar.workingDaysBetween(date, today).days;
}
