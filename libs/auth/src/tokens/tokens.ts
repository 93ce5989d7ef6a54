import { sign, verify, type KeyObject } from 'node:crypto';
import { AuthError, AuthErrorCode } from '../auth-error';
import { scopeProblem, type AuthUser } from '../auth-user';
import { isRole } from '../roles';

export const TOKEN_ISSUER = 'oneseal-identity';
/** One working day: a clerk logs in once in the morning. */
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
/** Tolerated difference between the identity server's clock and a verifying service's. */
const CLOCK_SKEW_SECONDS = 60;

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

const HEADER = { alg: 'EdDSA', typ: 'JWT' } as const;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

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
  const signingInput = `${encode(HEADER)}.${encode(claims)}`;
  const signature = sign(null, Buffer.from(signingInput, 'ascii'), privateKey).toString('base64url');
  return { token: `${signingInput}.${signature}`, expiresAt: new Date(expires * 1000) };
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
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

const invalid = (reason: string) => new AuthError(AuthErrorCode.TOKEN_INVALID, { reason });

/**
 * Checks a token the identity service issued: the signature under its public key first (nothing unsigned is
 * read), then issuer, lifetime and the shape of the claims. Throws AuthError TOKEN_INVALID or TOKEN_EXPIRED.
 */
export function verifyToken(token: string, publicKey: KeyObject, now: Date = new Date()): AuthUser {
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((segment) => SEGMENT.test(segment)))
    throw invalid('not a compact JWS');
  const [headerSegment, claimsSegment, signatureSegment] = segments;
  const header = decodeJson(headerSegment);
  // Only our algorithm: a token must not choose how it is checked ("none", HMAC with the public key, ...).
  if (!isObject(header) || header.alg !== HEADER.alg) throw invalid('unsupported algorithm');
  const signature = Buffer.from(signatureSegment, 'base64url');
  const signed = Buffer.from(`${headerSegment}.${claimsSegment}`, 'ascii');
  if (signature.length !== 64 || !verify(null, signed, publicKey, signature)) throw invalid('bad signature');

  const claims = decodeJson(claimsSegment);
  if (!isObject(claims) || claims.iss !== TOKEN_ISSUER) throw invalid('wrong issuer');
  const { iat, exp } = claims;
  if (!Number.isInteger(iat) || !Number.isInteger(exp)) throw invalid('no lifetime');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if ((iat as number) > nowSeconds + CLOCK_SKEW_SECONDS) throw invalid('issued in the future');
  if ((exp as number) <= nowSeconds) throw new AuthError(AuthErrorCode.TOKEN_EXPIRED);
  const user = userFromClaims(claims);
  if (!user) throw invalid('malformed claims');
  return user;
}
