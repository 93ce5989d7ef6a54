import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An applicant looks their case up by its receipt number and their mobile number. Routing keeps neither the
 * number nor anything reversible: only a SHA-256 of the two together, and the matter's name to show.
 */
export class ApplicantProgressLookup1763804000300 implements MigrationInterface {
  name = 'ApplicantProgressLookup1763804000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        ADD COLUMN matter_name text,
        ADD COLUMN progress_key char(64)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX routed_cases_progress_key ON routing.routed_cases (progress_key)
        WHERE progress_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX routing.routed_cases_progress_key`);
    await queryRunner.query(
      `ALTER TABLE routing.routed_cases DROP COLUMN progress_key, DROP COLUMN matter_name`,
    );
  }
}
