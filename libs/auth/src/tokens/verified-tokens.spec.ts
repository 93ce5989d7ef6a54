import { generateKeyPairSync } from 'node:crypto';
import { AuthError } from '../auth-error';
import { issueToken } from './tokens';
import { VerifiedTokens } from './verified-tokens';

describe('verified tokens remembered until they expire', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const person = { id: 'u-1', name: '张三', roles: ['auditor' as const], county: '140525' };

  it('answers a token verified before without checking its signature again, and forgets it once expired', () => {
    const tokens = new VerifiedTokens(publicKey);
    const { token } = issueToken(person, privateKey);
    const first = tokens.verify(token);
    expect(first.id).toBe('u-1');
    expect(tokens.verify(token)).toBe(first);
    const later = new Date(Date.now() + 9 * 3600_000);
    expect(() => tokens.verify(token, later)).toThrow(AuthError);
  });

  it('never remembers what did not verify, and keeps at most its capacity', () => {
    const tokens = new VerifiedTokens(publicKey, 2);
    const { token } = issueToken(person, privateKey);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(() => tokens.verify(forged)).toThrow(AuthError);
    expect(() => tokens.verify(forged)).toThrow(AuthError);
    const others = [1, 2, 3].map((n) => issueToken({ ...person, id: `u-${n}` }, privateKey).token);
    for (const other of others) tokens.verify(other);
    expect(tokens.verify(others[2]).id).toBe('u-3');
  });
});
