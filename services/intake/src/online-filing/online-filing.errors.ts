import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum OnlineFilingErrorCode {
  NOT_ONLINE = 'ONLINE.NOT_ONLINE',
  DELIVERY_NOT_ONLINE = 'ONLINE.DELIVERY_NOT_ONLINE',
  PAGES_UNMATCHED = 'ONLINE.PAGES_UNMATCHED',
  PAGES_TOO_MANY = 'ONLINE.PAGES_TOO_MANY',
  PAGE_MATERIAL_UNKNOWN = 'ONLINE.PAGE_MATERIAL_UNKNOWN',
  MATERIALS_NOT_UPLOADED = 'ONLINE.MATERIALS_NOT_UPLOADED',
  AUTHORISATION_NOT_UPLOADED = 'ONLINE.AUTHORISATION_NOT_UPLOADED',
  TOO_MANY_TODAY = 'ONLINE.TOO_MANY_TODAY',
  NOT_AMONG_MINE = 'ONLINE.NOT_AMONG_MINE',
  NOT_AWAITING_CORRECTION = 'ONLINE.NOT_AWAITING_CORRECTION',
  PERIOD_INVALID = 'ONLINE.PERIOD_INVALID',
}

/** Applications one mobile number may file online in a day: a family's needs, never a script's. */
export const ONLINE_FILINGS_PER_DAY = 10;

const MESSAGES: Record<OnlineFilingErrorCode, string> = {
  [OnlineFilingErrorCode.NOT_ONLINE]: '该事项暂不能网上申请，请携带材料到便民服务中心窗口或村便民服务站办理',
  [OnlineFilingErrorCode.DELIVERY_NOT_ONLINE]:
    '该事项网上申请后不能选择这种送达方式：只有全程网办事项可以电子送达，邮寄须事项支持',
  [OnlineFilingErrorCode.PAGES_UNMATCHED]: '上传的文件与所选材料对应不上，请重新选择文件后提交',
  [OnlineFilingErrorCode.PAGES_TOO_MANY]: '一次申请最多上传 12 个文件，请把同一材料的多页合并为一个 PDF',
  [OnlineFilingErrorCode.PAGE_MATERIAL_UNKNOWN]: '上传的文件所属材料不在该事项办事指南的材料清单中',
  [OnlineFilingErrorCode.MATERIALS_NOT_UPLOADED]: '还有必须提交的材料没有上传，请按清单逐项上传后再提交',
  [OnlineFilingErrorCode.AUTHORISATION_NOT_UPLOADED]: '为家属代为申请，须上传申请人签名的授权委托书',
  [OnlineFilingErrorCode.TOO_MANY_TODAY]: `同一手机号码每天最多网上申请 ${ONLINE_FILINGS_PER_DAY} 件，请明天再试或到窗口办理`,
  [OnlineFilingErrorCode.NOT_AMONG_MINE]: '在您的办件中没有找到这个办件，请从“我的办件”中打开',
  [OnlineFilingErrorCode.NOT_AWAITING_CORRECTION]: '该办件现在不需要补正材料，无需上传',
  [OnlineFilingErrorCode.PERIOD_INVALID]: '统计期间有误：开始日期不能晚于结束日期，且一次最多统计 366 天',
};

export class OnlineFilingError extends CodedError<OnlineFilingErrorCode> {
  constructor(code: OnlineFilingErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case OnlineFilingErrorCode.PAGES_UNMATCHED:
      case OnlineFilingErrorCode.PERIOD_INVALID:
        return HttpStatus.BAD_REQUEST;
      case OnlineFilingErrorCode.NOT_ONLINE:
      case OnlineFilingErrorCode.DELIVERY_NOT_ONLINE:
      case OnlineFilingErrorCode.PAGES_TOO_MANY:
      case OnlineFilingErrorCode.PAGE_MATERIAL_UNKNOWN:
      case OnlineFilingErrorCode.MATERIALS_NOT_UPLOADED:
      case OnlineFilingErrorCode.AUTHORISATION_NOT_UPLOADED:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case OnlineFilingErrorCode.TOO_MANY_TODAY:
        return HttpStatus.TOO_MANY_REQUESTS;
      case OnlineFilingErrorCode.NOT_AMONG_MINE:
        return HttpStatus.NOT_FOUND;
      case OnlineFilingErrorCode.NOT_AWAITING_CORRECTION:
        return HttpStatus.CONFLICT;
      default:
        return assertUnreachable(this.code);
    }
  }
}
