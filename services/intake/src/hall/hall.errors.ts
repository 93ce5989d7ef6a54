import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum HallErrorCode {
  NOT_OPEN = 'HALL.NOT_OPEN',
  SETTINGS_INVALID = 'HALL.SETTINGS_INVALID',
  MATTER_UNKNOWN = 'HALL.MATTER_UNKNOWN',
  DAY_NOT_BOOKABLE = 'HALL.DAY_NOT_BOOKABLE',
  SLOT_UNKNOWN = 'HALL.SLOT_UNKNOWN',
  SLOT_PASSED = 'HALL.SLOT_PASSED',
  SLOT_FULL = 'HALL.SLOT_FULL',
  ALREADY_BOOKED = 'HALL.ALREADY_BOOKED',
  APPOINTMENT_NOT_FOUND = 'HALL.APPOINTMENT_NOT_FOUND',
  APPOINTMENT_NOT_CANCELLABLE = 'HALL.APPOINTMENT_NOT_CANCELLABLE',
  NO_APPOINTMENT_TODAY = 'HALL.NO_APPOINTMENT_TODAY',
  CATEGORY_NOT_SERVED = 'HALL.CATEGORY_NOT_SERVED',
  WINDOW_UNKNOWN = 'HALL.WINDOW_UNKNOWN',
  TICKET_NOT_FOUND = 'HALL.TICKET_NOT_FOUND',
  CALENDAR_UNAVAILABLE = 'HALL.CALENDAR_UNAVAILABLE',
  PERIOD_INVALID = 'HALL.PERIOD_INVALID',
}

const MESSAGES: Record<HallErrorCode, string> = {
  [HallErrorCode.NOT_OPEN]: '该便民服务中心尚未开放网上预约和取号，请直接到窗口办理',
  [HallErrorCode.SETTINGS_INVALID]: '预约与叫号设置有误，请按提示修改',
  [HallErrorCode.MATTER_UNKNOWN]: '本县事项目录中没有这个事项，或该事项已停止办理',
  [HallErrorCode.DAY_NOT_BOOKABLE]: '这一天不能预约：只能预约今天起若干个工作日内的时段，节假日不办公',
  [HallErrorCode.SLOT_UNKNOWN]: '该中心没有这个预约时段，请从可预约时段中选择',
  [HallErrorCode.SLOT_PASSED]: '这个时段已经开始或已过，请选择之后的时段',
  [HallErrorCode.SLOT_FULL]: '这个时段已约满，请选择其他时段',
  [HallErrorCode.ALREADY_BOOKED]: '同一手机号码在同一中心每天只能预约一次；如需改时间，请先取消原预约',
  [HallErrorCode.APPOINTMENT_NOT_FOUND]: '没有找到这个预约',
  [HallErrorCode.APPOINTMENT_NOT_CANCELLABLE]: '该预约已取消、已签到取号或时段已过，不能再取消',
  [HallErrorCode.NO_APPOINTMENT_TODAY]:
    '没有找到今天的预约：请核对手机号码和预约短信中的取号码，或按业务类别取号',
  [HallErrorCode.CATEGORY_NOT_SERVED]: '本中心没有办理这类业务的窗口，请咨询导办人员',
  [HallErrorCode.WINDOW_UNKNOWN]: '本中心没有这个窗口号，请在预约与叫号设置中核对',
  [HallErrorCode.TICKET_NOT_FOUND]: '没有这个排队号',
  [HallErrorCode.CALENDAR_UNAVAILABLE]: '暂时无法读取工作日历，请稍后再试',
  [HallErrorCode.PERIOD_INVALID]: '统计期间有误：开始日期不能晚于结束日期，且一次最多统计 366 天',
};

export class HallError extends CodedError<HallErrorCode> {
  constructor(code: HallErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case HallErrorCode.NOT_OPEN:
      case HallErrorCode.APPOINTMENT_NOT_FOUND:
      case HallErrorCode.TICKET_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      case HallErrorCode.SETTINGS_INVALID:
      case HallErrorCode.PERIOD_INVALID:
        return HttpStatus.BAD_REQUEST;
      case HallErrorCode.MATTER_UNKNOWN:
      case HallErrorCode.DAY_NOT_BOOKABLE:
      case HallErrorCode.SLOT_UNKNOWN:
      case HallErrorCode.SLOT_PASSED:
      case HallErrorCode.NO_APPOINTMENT_TODAY:
      case HallErrorCode.CATEGORY_NOT_SERVED:
      case HallErrorCode.WINDOW_UNKNOWN:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case HallErrorCode.SLOT_FULL:
      case HallErrorCode.ALREADY_BOOKED:
      case HallErrorCode.APPOINTMENT_NOT_CANCELLABLE:
        return HttpStatus.CONFLICT;
      case HallErrorCode.CALENDAR_UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertUnreachable(this.code);
    }
  }
}
