export { CalendarError, CalendarErrorCode } from './calendar-error';
export {
  WorkingDayCalendar,
  type CountyDay,
  type DeadlineResult,
  type Provisional,
  type Suspension,
  type WorkingDayCount,
  type YearSchedule,
} from './working-day-calendar';
export { chinaDate, chineseDate, formatIsoDate, parseIsoDate } from './iso-date';
