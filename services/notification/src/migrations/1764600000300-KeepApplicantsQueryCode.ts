import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The applicant's 查询码 travels in the receipt SMS, so it is kept with their contact. */
export class KeepApplicantsQueryCode1764600000300 implements MigrationInterface {
  name = 'KeepApplicantsQueryCode1764600000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notification.applicant_contacts ADD COLUMN progress_query_code text`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification.applicant_contacts DROP COLUMN progress_query_code`);
  }
}
