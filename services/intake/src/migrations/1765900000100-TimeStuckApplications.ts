import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an application from the province first got stuck: it is set aside only after failing for a while as well as
 * several times, so a short outage of our own (the database, routing) never turns an applicant away.
 */
export class TimeStuckApplications1765900000100 implements MigrationInterface {
  name = 'TimeStuckApplications1765900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.provincial_pull_cursors ADD COLUMN stuck_since timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.provincial_pull_cursors DROP COLUMN stuck_since`);
  }
}
