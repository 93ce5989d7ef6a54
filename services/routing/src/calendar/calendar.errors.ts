import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum CalendarChangeErrorCode {
  INVALID_SCHEDULE = 'CALENDAR.INVALID_SCHEDULE',
  INVALID_COUNTY_DAY = 'CALENDAR.INVALID_COUNTY_DAY',
  OTHER_COUNTY = 'CALENDAR.OTHER_COUNTY',
  DAY_NOT_SET = 'CALENDAR.DAY_NOT_SET',
  RECALCULATION_NOT_FOUND = 'CALENDAR.RECALCULATION_NOT_FOUND',
}

const MESSAGES: Record<CalendarChangeErrorCode, string> = {
  [CalendarChangeErrorCode.INVALID_SCHEDULE]: '节假日安排有误，请对照国务院通知修改',
  [CalendarChangeErrorCode.INVALID_COUNTY_DAY]: '本县工作日调整有误',
  [CalendarChangeErrorCode.OTHER_COUNTY]: '只能调整本县的工作日，其他县的日历由该县管理员调整',
  [CalendarChangeErrorCode.DAY_NOT_SET]: '本县没有对这一天作过调整',
  [CalendarChangeErrorCode.RECALCULATION_NOT_FOUND]: '没有这次期限重算的记录',
};

/** A refused calendar change; the calendar's own explanation (which date, what is wrong) is kept when it has one. */
export class CalendarChangeError extends CodedError<CalendarChangeErrorCode> {
  constructor(code: CalendarChangeErrorCode, message?: string) {
    super(code, message ?? MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case CalendarChangeErrorCode.INVALID_SCHEDULE:
      case CalendarChangeErrorCode.INVALID_COUNTY_DAY:
        return HttpStatus.BAD_REQUEST;
      case CalendarChangeErrorCode.OTHER_COUNTY:
        return HttpStatus.FORBIDDEN;
      case CalendarChangeErrorCode.DAY_NOT_SET:
      case CalendarChangeErrorCode.RECALCULATION_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
