import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { KeyObject } from 'node:crypto';
import { AuthError, AuthErrorCode } from '../auth-error';
import type { Role } from '../roles';
import { VerifiedTokens } from '../tokens/verified-tokens';
import { verifyApplicantToken, verifyServiceToken } from '../tokens/party-tokens';
import { APPLICANT_ONLY, IS_PUBLIC, REQUIRED_ROLES, SERVICE_ONLY } from './auth-metadata';
import type { AuthenticatedRequest } from './current-user';
import { SESSION_CHECK, type SessionCheck } from './session-check';

export const TOKEN_PUBLIC_KEY = Symbol('TOKEN_PUBLIC_KEY');

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Installed for every route by AuthModule: a route answers only to a valid token unless it is @Public(), and
 * only to the roles its @Roles(...) names. Kafka consumers (rpc) are not people and pass untouched.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_PUBLIC_KEY) private readonly publicKey: KeyObject,
    @Inject(SESSION_CHECK) private readonly sessions: SessionCheck,
  ) {
    this.tokens = new VerifiedTokens(publicKey);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) throw new AuthError(AuthErrorCode.TOKEN_MISSING);
    const bearer = BEARER.exec(header);
    if (!bearer) throw new AuthError(AuthErrorCode.TOKEN_INVALID, { reason: 'not a Bearer token' });

    // Routes for applicants and for services take their own tokens only (never a staff member's).
    if (this.reflector.getAllAndOverride<boolean>(APPLICANT_ONLY, targets)) {
      request.applicant = verifyApplicantToken(bearer[1], this.publicKey);
      return true;
    }
    const service = this.reflector.getAllAndOverride<{ from: string; to: string } | undefined>(
      SERVICE_ONLY,
      targets,
    );
    if (service) {
      const caller = verifyServiceToken(bearer[1], this.publicKey);
      if (caller.service !== service.from || caller.audience !== service.to)
        throw new AuthError(AuthErrorCode.TOKEN_INVALID, {
          reason: 'a token of another service or for another',
        });
      return true;
    }

    const user = this.tokens.verify(bearer[1]);
    // A signed, unexpired token of a person since stopped, re-roled or reset is refused everywhere within seconds.
    if (!(await this.sessions.isCurrent(bearer[1], user))) throw new AuthError(AuthErrorCode.SESSION_ENDED);
    request.authUser = user;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => user.roles.includes(role)))
      throw new AuthError(AuthErrorCode.ROLE_NOT_ALLOWED, { requiredRoles: required });
    return true;
  }
}
