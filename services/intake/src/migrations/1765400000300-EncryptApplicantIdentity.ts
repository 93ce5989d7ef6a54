import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants' ID numbers and phones are encrypted at rest by the intake service (its key never reaches the
 * database): from here on the database refuses either in clear. Rows recorded before are encrypted by the service
 * when it starts (the constraint is NOT VALID so they may wait until then). The keyed digest of the ID number is
 * how an applicant's applications are found.
 */
export class EncryptApplicantIdentity1765400000300 implements MigrationInterface {
  name = 'EncryptApplicantIdentity1765400000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.applications ADD COLUMN applicant_id_digest char(64)`);
    await queryRunner.query(
      `CREATE INDEX applications_by_applicant ON intake.applications (applicant_id_digest)
        WHERE applicant_id_digest IS NOT NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE intake.applications ADD CONSTRAINT applications_identity_encrypted CHECK (
        (applicant_id_number IS NULL OR applicant_id_number LIKE 'v1:%') AND
        (applicant_phone IS NULL OR applicant_phone LIKE 'v1:%')
      ) NOT VALID`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.applications DROP CONSTRAINT applications_identity_encrypted`,
    );
    await queryRunner.query(`DROP INDEX intake.applications_by_applicant`);
    await queryRunner.query(`ALTER TABLE intake.applications DROP COLUMN applicant_id_digest`);
  }
}
