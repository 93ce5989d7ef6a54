import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Failures allowed within the window before a key is locked for `lockMinutes`: per login name from one address (the
 * person mistyping), per login name from anywhere (a name guessed from several addresses), per address over every
 * name (one address trying many names). One address alone can never lock a name for everyone else.
 */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  perNameAndSource: 5,
  perName: 20,
  perSource: 50,
} as const;

export interface Attempt {
  /** False: refused before the password is looked at. */
  allowed: boolean;
  lockedUntil?: Date;
}

/**
 * Counts login attempts in the database, shared by every instance: an attempt is counted as a failure *before* the
 * password hash runs (one statement per key, row-locked), so of a hundred parallel guesses only the allowed few are
 * checked; a success then clears what it was counted against.
 */
@Injectable()
export class LoginThrottle {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts the attempt: first against the name from this address, then (if still allowed) the name and the address. */
  async reserve(loginName: string, source: string): Promise<Attempt> {
    const first = await this.count([[pairKey(loginName, source), LOGIN_THROTTLE.perNameAndSource]]);
    if (!first.allowed) return first;
    return this.count([
      [nameKey(loginName), LOGIN_THROTTLE.perName],
      [sourceKey(source), LOGIN_THROTTLE.perSource],
    ]);
  }

  /**
   * The right password: the name's counts start again, and the attempt is taken back from the address's count (it
   * was counted before the check; the address keeps the failures it made on other names).
   */
  async succeeded(loginName: string, source: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity.login_attempts WHERE key = ANY($1)`, [
      [pairKey(loginName, source), nameKey(loginName)],
    ]);
    // Only this attempt on the count: the row goes; otherwise one fewer.
    await this.dataSource.query(`DELETE FROM identity.login_attempts WHERE key = $1 AND failures = 1`, [
      sourceKey(source),
    ]);
    await this.dataSource.query(
      `UPDATE identity.login_attempts SET failures = failures - 1,
              locked_until = CASE WHEN failures - 1 < max_failures THEN NULL ELSE locked_until END
        WHERE key = $1 AND failures > 1`,
      [sourceKey(source)],
    );
  }

  /** An administrator's reset: the name may be tried again at once, from everywhere. */
  async unlock(loginName: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM identity.login_attempts WHERE key = $1 OR key LIKE $2 ESCAPE '\\'`,
      [nameKey(loginName), `${escapeLike(pairKey(loginName, ''))}%`],
    );
  }

  private async count(keys: [string, number][]): Promise<Attempt> {
    const { windowMinutes, lockMinutes } = LOGIN_THROTTLE;
    // A key whose window and lock have both passed starts again at 1; otherwise every attempt adds one (a locked key
    // keeps counting, so the attempts after the limit are the refused ones) and reaching the limit locks it.
    const rows = (await this.dataSource.query(
      `INSERT INTO identity.login_attempts AS a (key, max_failures, failures, first_failed_at, locked_until)
       SELECT k.key, k.max, 1, now(), CASE WHEN k.max <= 1 THEN now() + make_interval(mins => $4) END
         FROM unnest($1::text[], $2::int[]) AS k(key, max)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN a.first_failed_at < now() - make_interval(mins => $3)
                          AND (a.locked_until IS NULL OR a.locked_until <= now()) THEN 1 ELSE a.failures + 1 END,
         first_failed_at = CASE WHEN a.first_failed_at < now() - make_interval(mins => $3)
                          AND (a.locked_until IS NULL OR a.locked_until <= now()) THEN now() ELSE a.first_failed_at END,
         locked_until = CASE
           WHEN a.first_failed_at < now() - make_interval(mins => $3)
                AND (a.locked_until IS NULL OR a.locked_until <= now()) THEN NULL
           WHEN a.failures + 1 = a.max_failures THEN now() + make_interval(mins => $4)
           ELSE a.locked_until END
       RETURNING failures, max_failures AS "maxFailures", locked_until AS "lockedUntil"`,
      [keys.map(([key]) => key), keys.map(([, max]) => max), windowMinutes, lockMinutes],
    )) as { failures: number; maxFailures: number; lockedUntil: Date | null }[];
    const over = rows.filter((row) => row.failures > row.maxFailures);
    if (over.length === 0) return { allowed: true };
    const until = over
      .map((row) => row.lockedUntil?.getTime() ?? Date.now())
      .reduce((a, b) => Math.max(a, b));
    return { allowed: false, lockedUntil: new Date(until) };
  }
}

const pairKey = (loginName: string, source: string) => `name+source:${loginName}|${source}`;
const nameKey = (loginName: string) => `name:${loginName}`;
const sourceKey = (source: string) => `source:${source}`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
