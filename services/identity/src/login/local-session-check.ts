import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser, SessionCheck } from '@oneseal/auth';
import { DataSource } from 'typeorm';

/**
 * Identity answers for its own tokens from its own table, on every request: a token is current while its account is
 * active and still has the session version the token was issued with.
 */
@Injectable()
export class LocalSessionCheck implements SessionCheck {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isCurrent(_token: string, user: AuthUser): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT 1 FROM identity.users WHERE id = $1 AND active AND session_version = $2`,
      [user.id, user.sessionVersion ?? 1],
    )) as unknown[];
    return row !== undefined;
  }
}
