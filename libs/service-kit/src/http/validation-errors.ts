import { BadRequestException, type ValidationError } from '@nestjs/common';

/** Chinese wording of the validation rules the services use; a rule not listed keeps its English text. */
const RULES_IN_CHINESE: Record<string, string> = {
  isNotEmpty: '不能为空',
  isString: '必须是文字',
  isInt: '必须是整数',
  isUuid: '格式不正确（应为 UUID）',
  isUUID: '格式不正确（应为 UUID）',
  matches: '格式不正确',
  isIn: '不是允许的取值',
  maxLength: '过长',
  minLength: '过短',
  isIso8601: '不是有效的日期时间',
  isISO8601: '不是有效的日期时间',
  whitelistValidation: '是不认识的字段',
  isDefined: '必须填写',
  max: '超出允许的最大值',
  min: '小于允许的最小值',
  isBoolean: '必须是“是”或“否”（true/false）',
  isArray: '必须是列表',
  arrayMaxSize: '条目过多',
  arrayMinSize: '条目过少',
  arrayNotEmpty: '不能为空列表',
  isNumber: '必须是数字',
  isPositive: '必须是正数',
  isEnum: '不是允许的取值',
  isObject: '格式不正确',
  isDateString: '不是有效的日期',
  nestedValidation: '格式不正确',
  isNotEmptyObject: '不能为空',
  isMobilePhone: '不是有效的手机号码',
  isHexadecimal: '格式不正确',
  length: '长度不对',
};

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** A DTO's own message (written in Chinese for the clerk) says more than the rule's generic wording. */
const isWrittenForTheClerk = (message: string) => /[\u4e00-\u9fa5]/.test(message);

function collect(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    // A missing field is one problem, not one per rule it would have had to pass.
    if (error.value === undefined && error.constraints) {
      const own = Object.values(error.constraints).find(isWrittenForTheClerk);
      return [{ field, rule: 'isDefined', message: own ?? `${field} ${RULES_IN_CHINESE.isDefined}` }];
    }
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message: isWrittenForTheClerk(message)
        ? message
        : RULES_IN_CHINESE[rule]
          ? `${field} ${RULES_IN_CHINESE[rule]}`
          : message,
    }));
    return [...own, ...collect(error.children ?? [], `${field}.`)];
  });
}

/** ValidationPipe's exceptionFactory: one 400 listing every problem, with a stable code. */
export function validationErrorsToException(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({
    code: 'REQUEST.INVALID',
    message: '提交的内容有误，请按提示修改后重新提交',
    problems: collect(errors),
  });
}
