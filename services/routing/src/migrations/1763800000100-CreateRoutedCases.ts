import { createMessagingTables, dropMessagingTables } from '@oneseal/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRoutedCases1763800000100 implements MigrationInterface {
  name = 'CreateRoutedCases1763800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.routed_cases (
        case_id         uuid PRIMARY KEY,
        county          char(6) NOT NULL,
        town            char(9) NOT NULL,
        matter_code     text NOT NULL,
        workflow_id     text NOT NULL,
        workflow_run_id text NOT NULL,
        routed_at       timestamptz NOT NULL
      )`);
    await createMessagingTables(queryRunner, 'routing');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMessagingTables(queryRunner, 'routing');
    await queryRunner.query(`DROP TABLE routing.routed_cases`);
  }
}
