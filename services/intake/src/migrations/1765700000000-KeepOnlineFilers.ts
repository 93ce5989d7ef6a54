import { createIndexConcurrently } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application filed online by someone signed in with a mobile number: the keyed digest of that number (never the
 * number), so one number's filings of a day can be counted and bounded. Null for everything filed by staff.
 * Applications are also counted by county and day of filing (网上办件率 of a period).
 */
export class KeepOnlineFilers1765700000000 implements MigrationInterface {
  name = 'KeepOnlineFilers1765700000000';
  // Built CONCURRENTLY, which no transaction may hold: with a million applications a plain CREATE INDEX would hold
  // every new filing for the length of the build.
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.applications ADD COLUMN IF NOT EXISTS online_filer_digest char(64)`,
    );
    await createIndexConcurrently(
      queryRunner,
      'intake',
      'applications_online_filer_idx',
      `ON intake.applications (online_filer_digest, submitted_at) WHERE online_filer_digest IS NOT NULL`,
    );
    await createIndexConcurrently(
      queryRunner,
      'intake',
      'applications_by_submission',
      `ON intake.applications (county, submitted_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS intake.applications_by_submission`);
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS intake.applications_online_filer_idx`);
    await queryRunner.query(`ALTER TABLE intake.applications DROP COLUMN online_filer_digest`);
  }
}
