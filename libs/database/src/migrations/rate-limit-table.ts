import type { QueryRunner } from 'typeorm';

/**
 * Requests counted per key (a public route and the caller's address) in fixed windows, shared by every instance of
 * the service: what its public routes are rate-limited by.
 */
export async function createRateLimitTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}".rate_limits (
      key          text PRIMARY KEY,
      hits         int NOT NULL CHECK (hits >= 1),
      window_ends  timestamptz NOT NULL
    )`);
}

export async function dropRateLimitTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}".rate_limits`);
}
