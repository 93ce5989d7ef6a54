import type { KeyObject } from 'node:crypto';
import { scopeProblem, type AuthUser } from '../auth-user';
import { isRole } from '../roles';
import { checkIssuerAndLifetime, invalidToken, signClaims, signedClaims } from './jws';

export const TOKEN_ISSUER = 'oneseal-identity';
/** One working day: a clerk logs in once in the morning. */
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
/** Tolerated difference between the identity server's clock and a verifying service's. */
export const CLOCK_SKEW_SECONDS = 60;

/** The signed claims, as they travel (JWT names). */
interface TokenClaims {
  iss: string;
  sub: string;
  name: string;
  roles: string[];
  county: string;
  town?: string;
  village?: string;
  unitCode?: string;
  /** Session version (see AuthUser.sessionVersion). */
  sv?: number;
  iat: number;
  exp: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** A compact JWS (alg EdDSA, Ed25519) naming the user, their roles and scope; valid for one working day. */
export function issueToken(
  user: AuthUser,
  privateKey: KeyObject,
  options: { now?: Date; lifetimeSeconds?: number } = {},
): IssuedToken {
  const problem = scopeProblem(user);
  if (problem) throw new Error(`cannot issue a token for user ${user.id}: ${problem}`);
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const expires = issuedAt + (options.lifetimeSeconds ?? TOKEN_LIFETIME_SECONDS);
  const claims: TokenClaims = {
    iss: TOKEN_ISSUER,
    sub: user.id,
    name: user.name,
    roles: user.roles,
    county: user.county,
    ...(user.town !== undefined ? { town: user.town } : {}),
    ...(user.village !== undefined ? { village: user.village } : {}),
    ...(user.unitCode !== undefined ? { unitCode: user.unitCode } : {}),
    ...(user.sessionVersion !== undefined ? { sv: user.sessionVersion } : {}),
    iat: issuedAt,
    exp: expires,
  };
  return { token: signClaims(claims, privateKey), expiresAt: new Date(expires * 1000) };
}

const optionalString = (value: unknown): value is string | undefined =>
  value === undefined || typeof value === 'string';

function userFromClaims(claims: Record<string, unknown>): AuthUser | undefined {
  const { sub, name, roles, county, town, village, unitCode, sv } = claims;
  if (typeof sub !== 'string' || sub === '' || typeof name !== 'string' || typeof county !== 'string') return;
  if (!Array.isArray(roles) || !roles.every(isRole)) return;
  if (!optionalString(town) || !optionalString(village) || !optionalString(unitCode)) return;
  if (sv !== undefined && !(Number.isInteger(sv) && (sv as number) >= 1)) return;
  const user: AuthUser = {
    id: sub,
    name,
    roles,
    county,
    ...(town !== undefined ? { town } : {}),
    ...(village !== undefined ? { village } : {}),
    ...(unitCode !== undefined ? { unitCode } : {}),
    ...(sv !== undefined ? { sessionVersion: sv as number } : {}),
  };
  return scopeProblem(user) ? undefined : user;
}

/**
 * Checks a token the identity service issued: the signature under its public key first (nothing unsigned is
 * read), then issuer, lifetime and the shape of the claims. Throws AuthError TOKEN_INVALID or TOKEN_EXPIRED.
 */
/** The exp claim (seconds) of a token that has just verified, in milliseconds. */
export function tokenExpiresAt(token: string): number {
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    exp: number;
  };
  return claims.exp * 1000;
}

export function verifyToken(token: string, publicKey: KeyObject, now: Date = new Date()): AuthUser {
  const claims = signedClaims(token, publicKey);
  // A token of an applicant or a service (party-tokens.ts) names no staff member, whatever else it holds.
  if (claims.typ !== undefined) throw invalidToken('not a staff token');
  checkIssuerAndLifetime(claims, TOKEN_ISSUER, now, CLOCK_SKEW_SECONDS);
  const user = userFromClaims(claims);
  if (!user) throw invalidToken('malformed claims');
  return user;
}
