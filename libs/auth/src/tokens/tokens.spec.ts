import { generateKeyPairSync, sign } from 'node:crypto';
import { AuthError, AuthErrorCode } from '../auth-error';
import type { AuthUser } from '../auth-user';
import { issueApplicantToken, verifyApplicantToken } from './party-tokens';
import { issueToken, TOKEN_LIFETIME_SECONDS, verifyToken } from './tokens';

const identity = generateKeyPairSync('ed25519');
const impostor = generateKeyPairSync('ed25519');

const reviewer: AuthUser = {
  id: '7f0c2d3e-0000-4000-8000-000000000001',
  name: '李审核',
  roles: ['town-reviewer'],
  county: '140525',
  town: '140525100',
};

function refusal(run: () => unknown): AuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected an AuthError');
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('signed tokens', () => {
  const now = new Date('2026-11-23T08:00:00+08:00');

  it('round-trips the user and expires after one working day', () => {
    const { token, expiresAt } = issueToken(reviewer, identity.privateKey, { now });
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      typ: 'JWT',
    });
    expect(expiresAt.getTime() - now.getTime()).toBe(TOKEN_LIFETIME_SECONDS * 1000);
    expect(verifyToken(token, identity.publicKey, now)).toEqual(reviewer);
  });

  it('is refused once expired', () => {
    const { token, expiresAt } = issueToken(reviewer, identity.privateKey, { now });
    expect(refusal(() => verifyToken(token, identity.publicKey, expiresAt)).code).toBe(
      AuthErrorCode.TOKEN_EXPIRED,
    );
    expect(refusal(() => verifyToken(token, identity.publicKey, expiresAt)).httpStatus).toBe(401);
  });

  it('is refused when a claim was changed after signing (a wider role, another town)', () => {
    const { token } = issueToken(reviewer, identity.privateKey, { now });
    const [header, claims, signature] = token.split('.');
    const widened = { ...JSON.parse(Buffer.from(claims, 'base64url').toString()), roles: ['admin'] };
    const tampered = [header, b64(widened), signature].join('.');
    expect(refusal(() => verifyToken(tampered, identity.publicKey, now)).code).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
  });

  it('is refused when signed by another key', () => {
    const { token } = issueToken(reviewer, impostor.privateKey, { now });
    expect(refusal(() => verifyToken(token, identity.publicKey, now)).code).toBe(AuthErrorCode.TOKEN_INVALID);
  });

  it('refuses tokens that pick their own algorithm or are not JWS at all', () => {
    const claims = b64({ iss: 'oneseal-identity', sub: 'x', name: '某', roles: ['admin'], county: '140525' });
    for (const token of [
      `${b64({ alg: 'none' })}.${claims}.`,
      `${b64({ alg: 'HS256' })}.${claims}.${Buffer.alloc(32).toString('base64url')}`,
      'not-a-token',
      '',
    ]) {
      expect(refusal(() => verifyToken(token, identity.publicKey, now)).code).toBe(
        AuthErrorCode.TOKEN_INVALID,
      );
    }
  });

  it('refuses a correctly signed token from another issuer or with a role we do not know', () => {
    const forge = (claims: object) => {
      const input = `${b64({ alg: 'EdDSA', typ: 'JWT' })}.${b64(claims)}`;
      return `${input}.${sign(null, Buffer.from(input), identity.privateKey).toString('base64url')}`;
    };
    const iat = Math.floor(now.getTime() / 1000);
    const base = { sub: 'u1', name: '某', county: '140525', iat, exp: iat + 60 };
    expect(
      refusal(() =>
        verifyToken(forge({ ...base, iss: 'elsewhere', roles: ['auditor'] }), identity.publicKey, now),
      ).code,
    ).toBe(AuthErrorCode.TOKEN_INVALID);
    expect(
      refusal(() =>
        verifyToken(forge({ ...base, iss: 'oneseal-identity', roles: ['mayor'] }), identity.publicKey, now),
      ).code,
    ).toBe(AuthErrorCode.TOKEN_INVALID);
    expect(
      verifyToken(forge({ ...base, iss: 'oneseal-identity', roles: ['auditor'] }), identity.publicKey, now),
    ).toEqual({
      id: 'u1',
      name: '某',
      roles: ['auditor'],
      county: '140525',
    });
  });

  it('will not issue a token for an account whose role lacks its scope', () => {
    expect(() => issueToken({ ...reviewer, town: undefined }, identity.privateKey, { now })).toThrow(
      'a town role needs a town',
    );
    expect(() =>
      issueToken(
        {
          id: 'a',
          name: '某',
          roles: ['village-agent'],
          county: '140525',
          town: '140525100',
          village: '140521100201',
        },
        identity.privateKey,
      ),
    ).toThrow('village must be 12 digits inside the town');
  });
});

describe('tokens for applicants and services', () => {
  const pair = generateKeyPairSync('ed25519');

  it('names a mainland mobile number only, and keeps it', () => {
    expect(() => issueApplicantToken({ phone: '0356-1234567' }, pair.privateKey)).toThrow();
    const { token } = issueApplicantToken({ phone: '13903561234' }, pair.privateKey);
    expect(verifyApplicantToken(token, pair.publicKey)).toEqual({ phone: '13903561234' });
  });
});
