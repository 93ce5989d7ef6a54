import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an inbox shows a clerk of each task's case, and what they find it by: its 办件编号, the matter's name and the
 * applicant's name, as the case workflow hands them over when it opens the task. Null for tasks opened before.
 */
export class NameTheCaseOfEachTask1764900000300 implements MigrationInterface {
  name = 'NameTheCaseOfEachTask1764900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE approval.review_tasks
        ADD COLUMN receipt_number text,
        ADD COLUMN matter_name text,
        ADD COLUMN applicant_name text`);
    await queryRunner.query(
      `CREATE INDEX review_tasks_by_receipt ON approval.review_tasks (receipt_number) WHERE receipt_number IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX approval.review_tasks_by_receipt`);
    await queryRunner.query(
      `ALTER TABLE approval.review_tasks DROP COLUMN applicant_name, DROP COLUMN matter_name, DROP COLUMN receipt_number`,
    );
  }
}
