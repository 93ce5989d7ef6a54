import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case may pass a step more than once (a return sends it back), so a task is one visit of one step of a route;
 * a decided task records the action, handler, opinion and end time.
 */
export class TrackStepVisitsAndDecisions1763800000900 implements MigrationInterface {
  name = 'TrackStepVisitsAndDecisions1763800000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE approval.review_tasks
        ADD COLUMN step_index int NOT NULL DEFAULT 0,
        ADD COLUMN visit      int NOT NULL DEFAULT 1,
        ADD COLUMN outcome    text CHECK (outcome IN ('approve', 'return', 'reject')),
        ADD COLUMN handler_id text,
        ADD COLUMN opinion    text,
        ADD COLUMN decided_at timestamptz,
        DROP CONSTRAINT review_tasks_one_per_step,
        ADD CONSTRAINT review_tasks_one_per_visit UNIQUE (case_id, step_index, visit),
        ADD CONSTRAINT review_tasks_decided_when_done CHECK ((status = 'done') = (outcome IS NOT NULL))`);
    await queryRunner.query(
      `ALTER TABLE approval.review_tasks ALTER COLUMN step_index DROP DEFAULT, ALTER COLUMN visit DROP DEFAULT`,
    );
    await queryRunner.query(
      `CREATE INDEX review_tasks_open_by_unit_idx ON approval.review_tasks (unit_code, opened_at) WHERE status = 'open'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX approval.review_tasks_open_by_unit_idx`);
    await queryRunner.query(`
      ALTER TABLE approval.review_tasks
        DROP CONSTRAINT review_tasks_decided_when_done,
        DROP CONSTRAINT review_tasks_one_per_visit,
        DROP COLUMN decided_at, DROP COLUMN opinion, DROP COLUMN handler_id, DROP COLUMN outcome,
        DROP COLUMN visit, DROP COLUMN step_index,
        ADD CONSTRAINT review_tasks_one_per_step UNIQUE (case_id, step_name)`);
  }
}
