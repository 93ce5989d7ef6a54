import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum LoginErrorCode {
  BAD_CREDENTIALS = 'AUTH.BAD_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'AUTH.TOO_MANY_ATTEMPTS',
  ACCOUNT_GONE = 'AUTH.ACCOUNT_GONE',
  PASSWORD_CHANGE_REQUIRED = 'AUTH.PASSWORD_CHANGE_REQUIRED',
  NEW_PASSWORD_SAME = 'AUTH.NEW_PASSWORD_SAME',
}

const MESSAGES: Record<LoginErrorCode, string> = {
  // The same answer for an unknown name, a wrong password and a disabled account: it tells nobody which names exist.
  [LoginErrorCode.BAD_CREDENTIALS]: '用户名或密码错误',
  [LoginErrorCode.TOO_MANY_ATTEMPTS]: '登录失败次数过多，请 15 分钟后再试',
  [LoginErrorCode.ACCOUNT_GONE]: '该账号已停用，请重新登录或联系管理员',
  [LoginErrorCode.PASSWORD_CHANGE_REQUIRED]: '当前密码由管理员设置，请先设置您自己的新密码再登录',
  [LoginErrorCode.NEW_PASSWORD_SAME]: '新密码不能与原密码相同',
};

export class LoginError extends CodedError<LoginErrorCode> {
  constructor(code: LoginErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  static tooManyAttempts(lockedUntil: Date): LoginError {
    const error = new LoginError(LoginErrorCode.TOO_MANY_ATTEMPTS, { retryAfter: lockedUntil.toISOString() });
    error.retryAfterSeconds = (lockedUntil.getTime() - Date.now()) / 1000;
    return error;
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case LoginErrorCode.BAD_CREDENTIALS:
      case LoginErrorCode.ACCOUNT_GONE:
        return HttpStatus.UNAUTHORIZED;
      case LoginErrorCode.TOO_MANY_ATTEMPTS:
        return HttpStatus.TOO_MANY_REQUESTS;
      case LoginErrorCode.PASSWORD_CHANGE_REQUIRED:
        return HttpStatus.FORBIDDEN;
      case LoginErrorCode.NEW_PASSWORD_SAME:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      default:
        return assertUnreachable(this.code);
    }
  }
}
