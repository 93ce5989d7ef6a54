import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applications whose ID number or phone is still in clear (recorded before encryption), indexed by themselves:
 * intake looks for them at every start, and once it has encrypted them all the index is empty, so the look costs
 * nothing however many applications there are.
 */
export class IndexApplicationsInClear1765400000400 implements MigrationInterface {
  name = 'IndexApplicationsInClear1765400000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX applications_in_clear ON intake.applications (id)
        WHERE applicant_id_number NOT LIKE 'v1:%' OR applicant_phone NOT LIKE 'v1:%'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX intake.applications_in_clear`);
  }
}
