import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications name the clerk or village agent who filed them, now that everyone logs in. */
export class RecordWhoFiled1763804000000 implements MigrationInterface {
  name = 'RecordWhoFiled1763804000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.applications ADD COLUMN filed_by text, ADD COLUMN filed_by_name text`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.applications DROP COLUMN filed_by_name, DROP COLUMN filed_by`,
    );
  }
}
