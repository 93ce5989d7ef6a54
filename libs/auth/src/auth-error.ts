import { HttpStatus } from '@nestjs/common';
import { CodedError, assertUnreachable } from '@oneseal/errors';

export enum AuthErrorCode {
  TOKEN_MISSING = 'AUTH.TOKEN_MISSING',
  TOKEN_INVALID = 'AUTH.TOKEN_INVALID',
  TOKEN_EXPIRED = 'AUTH.TOKEN_EXPIRED',
  ROLE_NOT_ALLOWED = 'AUTH.ROLE_NOT_ALLOWED',
  OUT_OF_SCOPE = 'AUTH.OUT_OF_SCOPE',
}

const MESSAGES: Record<AuthErrorCode, string> = {
  [AuthErrorCode.TOKEN_MISSING]: '请先登录：请求未携带登录凭证（Authorization: Bearer …）',
  [AuthErrorCode.TOKEN_INVALID]: '登录凭证无效，请重新登录',
  [AuthErrorCode.TOKEN_EXPIRED]: '登录已过期，请重新登录',
  [AuthErrorCode.ROLE_NOT_ALLOWED]: '您的岗位无权进行此项操作',
  [AuthErrorCode.OUT_OF_SCOPE]: '该事项不在您的办理范围内',
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
        return HttpStatus.UNAUTHORIZED;
      case AuthErrorCode.ROLE_NOT_ALLOWED:
      case AuthErrorCode.OUT_OF_SCOPE:
        return HttpStatus.FORBIDDEN;
      default:
        return assertUnreachable(this.code);
    }
  }
}
