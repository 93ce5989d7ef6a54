import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application filed online by someone signed in with a mobile number: the keyed digest of that number (never the
 * number), so one number's filings of a day can be counted and bounded. Null for everything filed by staff.
 */
export class KeepOnlineFilers1765700000000 implements MigrationInterface {
  name = 'KeepOnlineFilers1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.applications ADD COLUMN online_filer_digest char(64)`);
    await queryRunner.query(`
      CREATE INDEX applications_online_filer_idx ON intake.applications (online_filer_digest, submitted_at)
       WHERE online_filer_digest IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX intake.applications_online_filer_idx`);
    await queryRunner.query(`ALTER TABLE intake.applications DROP COLUMN online_filer_digest`);
  }
}
