import type { KeyObject } from 'node:crypto';
import type { AuthUser } from '../auth-user';
import { tokenExpiresAt, verifyToken } from './tokens';

/** How many verified tokens a process remembers (a county's staff many times over); the oldest go first. */
const REMEMBERED = 20_000;

/**
 * verifyToken, remembering what it verified until the token expires: the signature of a token that came before
 * needs no second check (an Ed25519 verification per request was a few percent of every service's CPU). Only
 * tokens that verified are remembered; whether the person's session is still current is checked on every request
 * all the same (SessionCheck).
 */
export class VerifiedTokens {
  private readonly verified = new Map<string, { user: AuthUser; expiresAt: number }>();

  constructor(
    private readonly publicKey: KeyObject,
    private readonly capacity: number = REMEMBERED,
  ) {}

  verify(token: string, now: Date = new Date()): AuthUser {
    const known = this.verified.get(token);
    if (known && known.expiresAt > now.getTime()) return known.user;
    this.verified.delete(token);
    const user = verifyToken(token, this.publicKey, now);
    if (this.verified.size >= this.capacity) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { user, expiresAt: tokenExpiresAt(token) });
    return user;
  }
}
