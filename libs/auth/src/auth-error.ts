import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum AuthErrorCode {
  TOKEN_MISSING = 'AUTH.TOKEN_MISSING',
  TOKEN_INVALID = 'AUTH.TOKEN_INVALID',
  TOKEN_EXPIRED = 'AUTH.TOKEN_EXPIRED',
  ROLE_NOT_ALLOWED = 'AUTH.ROLE_NOT_ALLOWED',
  OUT_OF_SCOPE = 'AUTH.OUT_OF_SCOPE',
  SESSION_ENDED = 'AUTH.SESSION_ENDED',
  SESSION_CHECK_UNAVAILABLE = 'AUTH.SESSION_CHECK_UNAVAILABLE',
}

const MESSAGES: Record<AuthErrorCode, string> = {
  [AuthErrorCode.TOKEN_MISSING]: '请先登录：请求未携带登录凭证（Authorization: Bearer …）',
  [AuthErrorCode.TOKEN_INVALID]: '登录凭证无效，请重新登录',
  [AuthErrorCode.TOKEN_EXPIRED]: '登录已过期，请重新登录',
  [AuthErrorCode.ROLE_NOT_ALLOWED]: '您的岗位无权进行此项操作',
  [AuthErrorCode.OUT_OF_SCOPE]: '该事项不在您的办理范围内',
  [AuthErrorCode.SESSION_ENDED]: '您的登录已失效（账号停用、岗位调整或密码重置），请重新登录',
  [AuthErrorCode.SESSION_CHECK_UNAVAILABLE]: '暂时无法核验登录状态，请稍后再试',
};

/** Who is calling is unknown (401) or may not do this (403). */
export class AuthError extends CodedError<AuthErrorCode> {
  constructor(code: AuthErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case AuthErrorCode.TOKEN_MISSING:
      case AuthErrorCode.TOKEN_INVALID:
      case AuthErrorCode.TOKEN_EXPIRED:
      case AuthErrorCode.SESSION_ENDED:
        return HttpStatus.UNAUTHORIZED;
      case AuthErrorCode.SESSION_CHECK_UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      case AuthErrorCode.ROLE_NOT_ALLOWED:
      case AuthErrorCode.OUT_OF_SCOPE:
        return HttpStatus.FORBIDDEN;
      default:
        return assertUnreachable(this.code);
    }
  }
}
