import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inboxes are per person now: a decision and a claim record the name from the person's token beside their id,
 * and an inbox is read by unit and status (a town's, a village station's or a county bureau's open tasks).
 */
export class PersonalInboxes1763804000100 implements MigrationInterface {
  name = 'PersonalInboxes1763804000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE approval.review_tasks
        ADD COLUMN handler_name text,
        ADD COLUMN claimed_by_name text`);
    await queryRunner.query(
      `CREATE INDEX review_tasks_inbox ON approval.review_tasks (county, level, town, unit_code, status, opened_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX approval.review_tasks_inbox`);
    await queryRunner.query(`
      ALTER TABLE approval.review_tasks DROP COLUMN claimed_by_name, DROP COLUMN handler_name`);
  }
}
