import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum RouteRuleErrorCode {
  NOT_FOUND = 'ROUTE_RULE.NOT_FOUND',
}

const MESSAGES: Record<RouteRuleErrorCode, string> = {
  [RouteRuleErrorCode.NOT_FOUND]: '没有这条办理路径规则，请刷新页面后再审核',
};

export class RouteRuleError extends CodedError<RouteRuleErrorCode> {
  constructor(code: RouteRuleErrorCode) {
    super(code, MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case RouteRuleErrorCode.NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}
