import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An application from the province that keeps failing for a reason of ours (not a refusal of what was sent) is
 * counted, so that after a few tries it is declined and set aside instead of holding up its county's later ones.
 */
export class SetAsideStuckApplications1765800000100 implements MigrationInterface {
  name = 'SetAsideStuckApplications1765800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE intake.provincial_pull_cursors
        ADD COLUMN stuck_application text,
        ADD COLUMN stuck_attempts int NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE intake.provincial_pull_cursors DROP COLUMN stuck_attempts, DROP COLUMN stuck_application`,
    );
  }
}
