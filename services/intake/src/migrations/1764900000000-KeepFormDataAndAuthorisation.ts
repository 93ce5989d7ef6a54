import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the applicant filled in on the matter's 申请表 (checked against the guide version the case is filed under),
 * and the 授权委托书 a 帮办代办 agent files with. Applications filed before forms existed keep null.
 */
export class KeepFormDataAndAuthorisation1764900000000 implements MigrationInterface {
  name = 'KeepFormDataAndAuthorisation1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE intake.applications
        ADD COLUMN form_data jsonb,
        ADD COLUMN authorisation jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.applications DROP COLUMN authorisation, DROP COLUMN form_data`,
    );
  }
}
