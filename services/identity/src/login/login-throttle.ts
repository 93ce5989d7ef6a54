import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Five wrong passwords within 15 minutes lock the login name for 15 minutes. */
export const LOGIN_THROTTLE = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 } as const;

/**
 * Counts failed logins per login name in the database, so that every instance of the service shares the count
 * and a restart does not reset it. Names that do not exist are counted like the others.
 */
@Injectable()
export class LoginThrottle {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** When the name is locked, until when; undefined when it may try. */
  async lockedUntil(loginName: string): Promise<Date | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT locked_until FROM identity.login_failures WHERE login_name = $1 AND locked_until > now()`,
      [loginName],
    )) as { locked_until: Date }[];
    return row?.locked_until;
  }

  /** One more failure, in one statement (concurrent attempts all count); starts a new window when the old one ended. */
  async recordFailure(loginName: string): Promise<void> {
    const { maxFailures, windowMinutes, lockMinutes } = LOGIN_THROTTLE;
    await this.dataSource.query(
      `INSERT INTO identity.login_failures AS f (login_name, failures, first_failed_at, locked_until)
       VALUES ($1, 1, now(), NULL)
       ON CONFLICT (login_name) DO UPDATE SET
         failures = CASE WHEN f.first_failed_at < now() - make_interval(mins => $2) THEN 1 ELSE f.failures + 1 END,
         first_failed_at = CASE WHEN f.first_failed_at < now() - make_interval(mins => $2) THEN now() ELSE f.first_failed_at END,
         locked_until = CASE
           WHEN f.first_failed_at >= now() - make_interval(mins => $2) AND f.failures + 1 >= $3
           THEN now() + make_interval(mins => $4)
           ELSE f.locked_until END`,
      [loginName, windowMinutes, maxFailures, lockMinutes],
    );
  }

  async clear(loginName: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity.login_failures WHERE login_name = $1`, [loginName]);
  }
}
