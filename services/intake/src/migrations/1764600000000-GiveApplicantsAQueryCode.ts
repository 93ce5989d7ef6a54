import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each application gets the 查询码 printed on its receipt. Kept here so that a retried submission answers with the
 * same code; applications filed before have none and cannot be looked up by the public.
 */
export class GiveApplicantsAQueryCode1764600000000 implements MigrationInterface {
  name = 'GiveApplicantsAQueryCode1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.applications ADD COLUMN progress_query_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.applications DROP COLUMN progress_query_code`);
  }
}
