import type { KeyObject } from 'node:crypto';
import { checkIssuerAndLifetime, invalidToken, signClaims, signedClaims } from './jws';
import { CLOCK_SKEW_SECONDS, TOKEN_ISSUER, type IssuedToken } from './tokens';

/**
 * Tokens for callers who are not staff, signed with the same identity key: an applicant who proved a mobile number
 * by an SMS code, and one OneSeal service calling another. Each carries a `typ` staff tokens never have and no
 * roles, so a staff route refuses them (verifyToken) and these routes refuse staff tokens.
 */
export type PartyType = 'applicant' | 'service';

/** Two hours: long enough to fill in a form on a phone, short enough for a shared phone to forget. */
export const APPLICANT_TOKEN_LIFETIME_SECONDS = 2 * 60 * 60;
/** A service token is minted for one call; two minutes leave room for the two servers' clocks to differ. */
export const SERVICE_TOKEN_LIFETIME_SECONDS = 120;
const MOBILE = /^1[3-9]\d{9}$/;

/** The applicant a token names: the mobile number they proved they hold. */
export interface Applicant {
  phone: string;
}

/** The service a service token names, and the service it was minted to call. */
export interface ServiceCaller {
  service: string;
  audience: string;
}

function issue(
  claims: { typ: PartyType; sub: string; aud?: string },
  key: KeyObject,
  now: Date,
  lifetime: number,
) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const exp = issuedAt + lifetime;
  const token = signClaims({ iss: TOKEN_ISSUER, ...claims, iat: issuedAt, exp }, key);
  return { token, expiresAt: new Date(exp * 1000) } satisfies IssuedToken;
}

function verified(token: string, key: KeyObject, type: PartyType, now: Date): Record<string, unknown> {
  const claims = signedClaims(token, key);
  if (claims.typ !== type)
    throw invalidToken(`not a token of ${type === 'applicant' ? 'an applicant' : 'a service'}`);
  checkIssuerAndLifetime(claims, TOKEN_ISSUER, now, CLOCK_SKEW_SECONDS);
  if (typeof claims.sub !== 'string') throw invalidToken('no subject');
  return claims;
}

export function issueApplicantToken(
  applicant: Applicant,
  key: KeyObject,
  now: Date = new Date(),
): IssuedToken {
  if (!MOBILE.test(applicant.phone)) throw new Error('an applicant token names a mainland mobile number');
  return issue({ typ: 'applicant', sub: applicant.phone }, key, now, APPLICANT_TOKEN_LIFETIME_SECONDS);
}

export function verifyApplicantToken(token: string, key: KeyObject, now: Date = new Date()): Applicant {
  const claims = verified(token, key, 'applicant', now);
  if (!MOBILE.test(claims.sub as string)) throw invalidToken('malformed claims');
  return { phone: claims.sub as string };
}

export function issueServiceToken(
  caller: ServiceCaller,
  key: KeyObject,
  now: Date = new Date(),
): IssuedToken {
  return issue(
    { typ: 'service', sub: caller.service, aud: caller.audience },
    key,
    now,
    SERVICE_TOKEN_LIFETIME_SECONDS,
  );
}

export function verifyServiceToken(token: string, key: KeyObject, now: Date = new Date()): ServiceCaller {
  const claims = verified(token, key, 'service', now);
  if (typeof claims.aud !== 'string') throw invalidToken('no audience');
  return { service: claims.sub as string, audience: claims.aud };
}
