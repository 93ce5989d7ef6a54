import { HttpStatus } from '@nestjs/common';
import { CodedError } from '@oneseal/errors';

export enum CalendarYearErrorCode {
  INVALID_SCHEDULE = 'CALENDAR.INVALID_SCHEDULE',
}

/** The calendar's own Chinese explanation (which date, what is wrong) is what the administrator needs. */
export class CalendarYearError extends CodedError<CalendarYearErrorCode> {
  readonly httpStatus = HttpStatus.BAD_REQUEST;

  constructor(message: string) {
    super(CalendarYearErrorCode.INVALID_SCHEDULE, message);
  }
}
