export enum CalendarErrorCode {
  /** A date string, a number of days or a suspension interval that cannot be used as given. */
  INVALID_INPUT = 'CALENDAR.INVALID_INPUT',
  /** A year's holiday schedule entered by an administrator that contradicts itself or the calendar. */
  INVALID_SCHEDULE = 'CALENDAR.INVALID_SCHEDULE',
  /** A county's own working-day change that the national calendar does not allow or that changes nothing. */
  INVALID_COUNTY_DAY = 'CALENDAR.INVALID_COUNTY_DAY',
}

/** Rejected calendar input; the message is in Chinese and meant to be shown to the clerk as it is. */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}
