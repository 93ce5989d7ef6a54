import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A task shows its deadline; a person may claim it (so two clerks of one unit do not work the same case) and
 * release it; a task whose case ends without its decision (撤件, 补正不来) is cancelled; 补正 is a decision.
 */
export class TaskDeadlinesClaimsAndCancellation1763801000200 implements MigrationInterface {
  name = 'TaskDeadlinesClaimsAndCancellation1763801000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE approval.review_tasks
        DROP CONSTRAINT review_tasks_status_check,
        ADD CONSTRAINT review_tasks_status_check CHECK (status IN ('open', 'done', 'cancelled')),
        DROP CONSTRAINT review_tasks_outcome_check,
        ADD CONSTRAINT review_tasks_outcome_check
          CHECK (outcome IN ('approve', 'return', 'reject', 'request-correction')),
        ADD COLUMN due_date date,
        ADD COLUMN claimed_by text,
        ADD COLUMN claimed_at timestamptz,
        ADD COLUMN cancel_reason text,
        ADD CONSTRAINT review_tasks_claimed_only_open CHECK (claimed_by IS NULL OR status = 'open')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM approval.review_tasks WHERE status = 'cancelled'`);
    await queryRunner.query(`
      ALTER TABLE approval.review_tasks
        DROP CONSTRAINT review_tasks_claimed_only_open,
        DROP COLUMN cancel_reason, DROP COLUMN claimed_at, DROP COLUMN claimed_by, DROP COLUMN due_date,
        DROP CONSTRAINT review_tasks_outcome_check,
        ADD CONSTRAINT review_tasks_outcome_check CHECK (outcome IN ('approve', 'return', 'reject')),
        DROP CONSTRAINT review_tasks_status_check,
        ADD CONSTRAINT review_tasks_status_check CHECK (status IN ('open', 'done'))`);
  }
}
