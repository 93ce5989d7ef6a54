import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case whose step failed on data no retry can fix waits, flagged, until someone puts the data right and asks it to
 * try again: since when, which activity, and what went wrong, for supervision's list of cases needing attention.
 */
export class FlagStalledCases1765400000100 implements MigrationInterface {
  name = 'FlagStalledCases1765400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        ADD COLUMN stalled_since timestamptz,
        ADD COLUMN stalled_activity text,
        ADD COLUMN stalled_message text`);
    await queryRunner.query(
      `CREATE INDEX routed_cases_stalled ON routing.routed_cases (county, stalled_since) WHERE stalled_since IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX routing.routed_cases_stalled`);
    await queryRunner.query(`
      ALTER TABLE routing.routed_cases
        DROP COLUMN stalled_since, DROP COLUMN stalled_activity, DROP COLUMN stalled_message`);
  }
}
