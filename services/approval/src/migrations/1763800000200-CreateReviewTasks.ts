import { createMessagingTables, dropMessagingTables } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewTasks1763800000200 implements MigrationInterface {
  name = 'CreateReviewTasks1763800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE approval.review_tasks (
        id         uuid PRIMARY KEY,
        case_id    uuid NOT NULL,
        county     char(6) NOT NULL,
        town       char(9) NOT NULL,
        step_name  text NOT NULL,
        level      text NOT NULL CHECK (level IN ('village', 'town', 'county')),
        unit_code  text NOT NULL,
        status     text NOT NULL CHECK (status IN ('open', 'done')),
        opened_at  timestamptz NOT NULL,
        CONSTRAINT review_tasks_one_per_step UNIQUE (case_id, step_name)
      )`);
    await createMessagingTables(queryRunner, 'approval');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'approval');
    await queryRunner.query(`DROP TABLE approval.review_tasks`);
  }
}
