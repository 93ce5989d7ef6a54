import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AuthError, AuthErrorCode } from '../auth-error';
import type { AuthUser } from '../auth-user';
import type { Applicant } from '../tokens/party-tokens';

/** The request as the guard leaves it: with the verified user (or applicant) on authenticated routes. */
export interface AuthenticatedRequest extends Request {
  authUser?: AuthUser;
  applicant?: Applicant;
}

export function userOf(request: AuthenticatedRequest): AuthUser {
  if (!request.authUser) throw new AuthError(AuthErrorCode.TOKEN_MISSING);
  return request.authUser;
}

/** The verified caller of an authenticated route: `handle(@CurrentUser() user: AuthUser)`. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    userOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** The signed-in applicant of an @ApplicantOnly() route: `handle(@CurrentApplicant() applicant: Applicant)`. */
export const CurrentApplicant = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Applicant => {
    const { applicant } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!applicant) throw new AuthError(AuthErrorCode.TOKEN_MISSING);
    return applicant;
  },
);
