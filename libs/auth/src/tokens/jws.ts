import { sign, verify, type KeyObject } from 'node:crypto';
import { AuthError, AuthErrorCode } from '../auth-error';

/** Compact JWS with EdDSA (Ed25519), the one form every OneSeal token takes. */
const HEADER = { alg: 'EdDSA', typ: 'JWT' } as const;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

const encode = (value: object): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export const invalidToken = (reason: string) => new AuthError(AuthErrorCode.TOKEN_INVALID, { reason });

export function signClaims(claims: object, privateKey: KeyObject): string {
  const signingInput = `${encode(HEADER)}.${encode(claims)}`;
  const signature = sign(null, Buffer.from(signingInput, 'ascii'), privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The claims of a token whose signature holds under the public key; nothing unsigned is read, and only our
 * algorithm is accepted (a token must not choose how it is checked: "none", HMAC with the public key, ...).
 */
export function signedClaims(token: string, publicKey: KeyObject): Record<string, unknown> {
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((segment) => SEGMENT.test(segment)))
    throw invalidToken('not a compact JWS');
  const [headerSegment, claimsSegment, signatureSegment] = segments;
  const header = decodeJson(headerSegment);
  if (!isObject(header) || header.alg !== HEADER.alg) throw invalidToken('unsupported algorithm');
  const signature = Buffer.from(signatureSegment, 'base64url');
  const signed = Buffer.from(`${headerSegment}.${claimsSegment}`, 'ascii');
  if (signature.length !== 64 || !verify(null, signed, publicKey, signature))
    throw invalidToken('bad signature');
  const claims = decodeJson(claimsSegment);
  if (!isObject(claims)) throw invalidToken('malformed claims');
  return claims;
}

/** Issuer and lifetime, as every token has them (seconds since the epoch). */
export function checkIssuerAndLifetime(
  claims: Record<string, unknown>,
  issuer: string,
  now: Date,
  clockSkewSeconds: number,
): void {
  if (claims.iss !== issuer) throw invalidToken('wrong issuer');
  const { iat, exp } = claims;
  if (!Number.isInteger(iat) || !Number.isInteger(exp)) throw invalidToken('no lifetime');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if ((iat as number) > nowSeconds + clockSkewSeconds) throw invalidToken('issued in the future');
  if ((exp as number) <= nowSeconds) throw new AuthError(AuthErrorCode.TOKEN_EXPIRED);
}
