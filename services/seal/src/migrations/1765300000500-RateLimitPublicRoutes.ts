import { createRateLimitTable, dropRateLimitTable } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The public routes (anyone may call them) are rate-limited per address: the counts live here. */
export class RateLimitPublicRoutes1765300000500 implements MigrationInterface {
  name = 'RateLimitPublicRoutes1765300000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createRateLimitTable(queryRunner, 'seal');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropRateLimitTable(queryRunner, 'seal');
  }
}
