import { createHash } from 'node:crypto';
import { AuthError, AuthErrorCode } from '../auth-error';
import type { AuthUser } from '../auth-user';

export const SESSION_CHECK = Symbol('SESSION_CHECK');

/** Whether a verified token's session is still current: the person was not stopped, re-roled or reset since. */
export interface SessionCheck {
  isCurrent(token: string, user: AuthUser): Promise<boolean>;
}

/** How long an answer is reused: a stopped person's tokens stop working within this many seconds everywhere. */
export const SESSION_CHECK_SECONDS = 5;
const MAX_REMEMBERED = 10_000;

/**
 * Asks the identity service (`GET /auth/session` with the token itself) and remembers the answer for a few seconds,
 * so a busy screen costs identity one call per person every few seconds. When identity cannot be reached the
 * request is refused with 503 (never let through on a guess).
 */
export class IdentitySessionCheck implements SessionCheck {
  private readonly answers = new Map<string, { current: boolean; until: number }>();

  constructor(
    private readonly identityUrl: string,
    private readonly timeoutMs = 3000,
  ) {}

  async isCurrent(token: string): Promise<boolean> {
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const known = this.answers.get(key);
    if (known && known.until > now) return known.current;
    let status: number;
    try {
      const response = await fetch(`${this.identityUrl}/auth/session`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      throw unavailable();
    }
    if (status >= 500) throw unavailable();
    const current = status >= 200 && status < 300;
    if (this.answers.size >= MAX_REMEMBERED) this.forgetExpired(now);
    this.answers.set(key, { current, until: now + SESSION_CHECK_SECONDS * 1000 });
    return current;
  }

  private forgetExpired(now: number): void {
    for (const [key, answer] of this.answers) if (answer.until <= now) this.answers.delete(key);
    // Still full of live answers: start again rather than grow without bound.
    if (this.answers.size >= MAX_REMEMBERED) this.answers.clear();
  }
}

function unavailable(): AuthError {
  const error = new AuthError(AuthErrorCode.SESSION_CHECK_UNAVAILABLE);
  error.retryAfterSeconds = SESSION_CHECK_SECONDS;
  return error;
}
