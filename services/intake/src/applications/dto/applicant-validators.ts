import { checkResidentIdNumber, isMainlandMobile, type ResidentIdProblem } from '@oneseal/domain';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const ID_PROBLEMS: Record<ResidentIdProblem, string> = {
  format: '公民身份号码应为 18 位，前 17 位为数字，末位为数字或大写 X',
  'birth-date': '公民身份号码中的出生日期不正确，请核对',
  'check-digit': '公民身份号码校验位不符，请逐位核对是否录入有误',
};

export function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkResidentIdNumber(value).valid,
        defaultMessage: (args: ValidationArguments) => {
          if (typeof args.value !== 'string') return ID_PROBLEMS.format;
          const result = checkResidentIdNumber(args.value);
          return result.valid ? '' : ID_PROBLEMS[result.reason];
        },
      },
    });
}

export function IsMainlandMobile(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMainlandMobile',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isMainlandMobile(value),
        defaultMessage: () => '手机号码应为 11 位数字，以 13–19 开头',
      },
    });
}
